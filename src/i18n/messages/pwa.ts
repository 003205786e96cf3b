// Messages of the pwa area: the update and offline toasts and the reload command.

import type { Catalog } from './catalog';

export const pwa: Catalog = {
  en: {
    'pwa.category': 'App',
    'pwa.command.reload': 'Reload to Update',
    'pwa.needRefresh': 'A new version is ready.',
    'pwa.reload': 'Reload',
    'pwa.offlineReady': 'Ready to work offline.',
    'pwa.dismiss': 'Dismiss',
    'pwa.toasts': 'App notifications',
  },
  es: {
    'pwa.category': 'Aplicación',
    'pwa.command.reload': 'Recargar para actualizar',
    'pwa.needRefresh': 'Hay una versión nueva lista.',
    'pwa.reload': 'Recargar',
    'pwa.offlineReady': 'Lista para trabajar sin conexión.',
    'pwa.dismiss': 'Cerrar',
    'pwa.toasts': 'Avisos de la aplicación',
  },
  'zh-CN': {
    'pwa.category': '应用',
    'pwa.command.reload': '重新加载以更新',
    'pwa.needRefresh': '新版本已就绪。',
    'pwa.reload': '重新加载',
    'pwa.offlineReady': '已可离线使用。',
    'pwa.dismiss': '关闭',
    'pwa.toasts': '应用通知',
  },
};
