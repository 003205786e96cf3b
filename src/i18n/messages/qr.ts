// Messages of the QR code pieces used for pairing: the code shown on one device and the camera
// scanner on the other, with what to do when the camera cannot be used.

import type { Catalog } from './catalog';

export const qr: Catalog = {
  en: {
    'qr.code.loading': 'Preparing the code…',
    'qr.code.tooLong': 'This is too long for a QR code. Copy it as text instead.',
    'qr.code.failed': 'The QR code could not be drawn. Reload the app and try again.',
    'qr.scanner.label': 'Scan a QR code',
    'qr.scanner.starting': 'Starting the camera…',
    'qr.scanner.hint': 'Point the camera at the QR code on the other device. Hold still until it is read.',
    'qr.cancel': 'Cancel',
    'qr.retry': 'Try Again',
    'qr.error.insecure':
      'The camera only works on a secure page (https, or localhost on this computer). Open the app from its https address, or type the code instead.',
    'qr.error.unsupported': 'This browser cannot use a camera. Type the code instead.',
    'qr.error.denied': 'Camera access is blocked. Allow the camera for this app in the browser’s site settings, then try again — or type the code instead.',
    'qr.error.noCamera': 'No camera was found on this device. Type the code instead.',
    'qr.error.busy': 'The camera is being used by another app. Close that app, then try again.',
    'qr.error.camera': 'The camera could not start. Try again, or type the code instead.',
  },
  es: {
    'qr.code.loading': 'Preparando el código…',
    'qr.code.tooLong': 'Es demasiado largo para un código QR. Cópielo como texto.',
    'qr.code.failed': 'No se pudo dibujar el código QR. Recargue la aplicación y vuelva a intentarlo.',
    'qr.scanner.label': 'Escanear un código QR',
    'qr.scanner.starting': 'Encendiendo la cámara…',
    'qr.scanner.hint': 'Apunte la cámara al código QR del otro dispositivo. Manténgala quieta hasta que se lea.',
    'qr.cancel': 'Cancelar',
    'qr.retry': 'Reintentar',
    'qr.error.insecure':
      'La cámara solo funciona en una página segura (https, o localhost en este ordenador). Abra la aplicación desde su dirección https, o escriba el código.',
    'qr.error.unsupported': 'Este navegador no puede usar la cámara. Escriba el código.',
    'qr.error.denied':
      'El acceso a la cámara está bloqueado. Permita la cámara para esta aplicación en los ajustes del sitio del navegador y vuelva a intentarlo, o escriba el código.',
    'qr.error.noCamera': 'No se encontró ninguna cámara en este dispositivo. Escriba el código.',
    'qr.error.busy': 'Otra aplicación está usando la cámara. Ciérrela y vuelva a intentarlo.',
    'qr.error.camera': 'No se pudo encender la cámara. Vuelva a intentarlo o escriba el código.',
  },
  'zh-CN': {
    'qr.code.loading': '正在生成二维码…',
    'qr.code.tooLong': '内容太长，无法生成二维码。请改为复制文本。',
    'qr.code.failed': '无法生成二维码。请重新加载应用后重试。',
    'qr.scanner.label': '扫描二维码',
    'qr.scanner.starting': '正在打开摄像头…',
    'qr.scanner.hint': '将摄像头对准另一台设备上的二维码，保持不动直到识别成功。',
    'qr.cancel': '取消',
    'qr.retry': '重试',
    'qr.error.insecure': '摄像头只能在安全页面（https，或本机的 localhost）上使用。请通过 https 地址打开应用，或改为输入配对码。',
    'qr.error.unsupported': '此浏览器无法使用摄像头。请改为输入配对码。',
    'qr.error.denied': '摄像头权限被阻止。请在浏览器的网站设置中允许此应用使用摄像头后重试，或改为输入配对码。',
    'qr.error.noCamera': '此设备上没有找到摄像头。请改为输入配对码。',
    'qr.error.busy': '摄像头正被其他应用使用。请关闭该应用后重试。',
    'qr.error.camera': '无法打开摄像头。请重试，或改为输入配对码。',
  },
};
