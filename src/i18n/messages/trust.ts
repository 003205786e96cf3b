// Messages of the trust area: the wiped-storage screen and the iOS "add to Home Screen" note.

import type { Catalog } from './catalog';

export const trust: Catalog = {
  en: {
    'trust.wiped.title': 'Your customer book is not on this device any more',
    'trust.wiped.body':
      'This device had a customer book ({rows} rows, last seen {date}), but the browser has deleted the app’s stored data. This happens when site data is cleared, or when Safari removes the data of a site not used for a while.',
    'trust.wiped.lastBackup': 'Your last backup from this device was saved {date}.',
    'trust.wiped.noBackup': 'No backup was saved from this device.',
    'trust.wiped.restore': 'Restore from a Backup File',
    'trust.wiped.restoreHelp': 'Choose a .clientela file you saved. Everything in it comes back.',
    'trust.wiped.paired': 'Wait for a Paired Device',
    'trust.wiped.pairedHelp': 'If another device (a tablet, your phone) was syncing with this one, it still has the book.',
    'trust.wiped.pairedSteps':
      'Open Clientela on that device on the same Wi-Fi and pair this device again. Its copy of the book will come back here. Until then you can continue with an empty book.',
    'trust.wiped.continueEmpty': 'Continue with an Empty Book',
    'trust.wiped.fresh': 'Start a New, Empty Book',
    'trust.wiped.freshHelp': 'Forget the old book on this device. A backup file can still be restored later.',
    'trust.ios.title': 'Add Clientela to your Home Screen',
    'trust.ios.body':
      'On iPad and iPhone, Safari deletes the data of a website that has not been opened for 7 days — your customer book included. An app on the Home Screen keeps its data.',
    'trust.ios.how': 'Tap the Share button, then “Add to Home Screen”, and open Clientela from its icon from now on.',
    'trust.ios.ok': 'Got It',
  },
  es: {
    'trust.wiped.title': 'Tu fichero de clientes ya no está en este dispositivo',
    'trust.wiped.body':
      'Este dispositivo tenía un fichero de clientes ({rows} filas, visto por última vez el {date}), pero el navegador ha borrado los datos guardados de la aplicación. Pasa al borrar los datos del sitio, o cuando Safari elimina los datos de un sitio que no se usa desde hace un tiempo.',
    'trust.wiped.lastBackup': 'Tu última copia desde este dispositivo se guardó el {date}.',
    'trust.wiped.noBackup': 'No se guardó ninguna copia desde este dispositivo.',
    'trust.wiped.restore': 'Restaurar desde una copia',
    'trust.wiped.restoreHelp': 'Elige un archivo .clientela que guardaste. Vuelve todo lo que contiene.',
    'trust.wiped.paired': 'Esperar a un dispositivo vinculado',
    'trust.wiped.pairedHelp': 'Si otro dispositivo (una tableta, tu móvil) se sincronizaba con este, todavía tiene el fichero.',
    'trust.wiped.pairedSteps':
      'Abre Clientela en ese dispositivo, en la misma wifi, y vuelve a vincular este. Su copia del fichero volverá aquí. Mientras tanto puedes seguir con un fichero vacío.',
    'trust.wiped.continueEmpty': 'Seguir con un fichero vacío',
    'trust.wiped.fresh': 'Empezar un fichero nuevo',
    'trust.wiped.freshHelp': 'Olvidar el fichero antiguo en este dispositivo. Más adelante aún podrás restaurar una copia.',
    'trust.ios.title': 'Añade Clientela a tu pantalla de inicio',
    'trust.ios.body':
      'En iPad y iPhone, Safari borra los datos de una web que no se abre en 7 días, incluido tu fichero de clientes. Una app en la pantalla de inicio conserva sus datos.',
    'trust.ios.how': 'Toca el botón Compartir y luego «Añadir a pantalla de inicio», y abre Clientela desde su icono a partir de ahora.',
    'trust.ios.ok': 'Entendido',
  },
  'zh-CN': {
    'trust.wiped.title': '你的客户簿已不在这台设备上',
    'trust.wiped.body':
      '这台设备曾有一个客户簿（{rows} 行，最后一次见到是 {date}），但浏览器删除了应用保存的数据。清除网站数据，或 Safari 清理一段时间未使用的网站数据时，就会这样。',
    'trust.wiped.lastBackup': '本设备上次保存备份是在 {date}。',
    'trust.wiped.noBackup': '本设备从未保存过备份。',
    'trust.wiped.restore': '从备份文件恢复',
    'trust.wiped.restoreHelp': '选择你保存的 .clientela 文件，其中的全部内容都会恢复。',
    'trust.wiped.paired': '等待已配对的设备',
    'trust.wiped.pairedHelp': '如果另一台设备（平板、手机）曾与本机同步，它仍然保存着客户簿。',
    'trust.wiped.pairedSteps': '在同一 Wi-Fi 下打开那台设备上的 Clientela，并重新配对本机，它的客户簿副本会同步回来。在此之前，你可以先使用空的客户簿。',
    'trust.wiped.continueEmpty': '先使用空的客户簿',
    'trust.wiped.fresh': '新建空的客户簿',
    'trust.wiped.freshHelp': '在本设备上忘掉旧的客户簿。之后仍可恢复备份文件。',
    'trust.ios.title': '把 Clientela 添加到主屏幕',
    'trust.ios.body': '在 iPad 和 iPhone 上，Safari 会删除 7 天未打开的网站数据，包括你的客户簿。添加到主屏幕的应用会保留数据。',
    'trust.ios.how': '点按“分享”按钮，再点“添加到主屏幕”，以后从图标打开 Clientela。',
    'trust.ios.ok': '知道了',
  },
};
