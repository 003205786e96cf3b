// Words shared across the app: sheets, generic actions, the app's name.

import type { Catalog } from './catalog';

export const common: Catalog = {
  en: {
    'app.name': 'Clientela',
    'sheet.customers': 'Customers',
    'sheet.purchases': 'Purchases',
    'sheet.contacts': 'Contacts',
    'common.ok': 'OK',
    'common.cancel': 'Cancel',
    'common.close': 'Close',
    'common.save': 'Save',
    'common.delete': 'Delete',
    'common.restore': 'Restore',
  },
  es: {
    'app.name': 'Clientela',
    'sheet.customers': 'Clientes',
    'sheet.purchases': 'Compras',
    'sheet.contacts': 'Contactos',
    'common.ok': 'Aceptar',
    'common.cancel': 'Cancelar',
    'common.close': 'Cerrar',
    'common.save': 'Guardar',
    'common.delete': 'Eliminar',
    'common.restore': 'Restaurar',
  },
  'zh-CN': {
    'app.name': 'Clientela 客户簿',
    'sheet.customers': '客户',
    'sheet.purchases': '消费记录',
    'sheet.contacts': '联系记录',
    'common.ok': '确定',
    'common.cancel': '取消',
    'common.close': '关闭',
    'common.save': '保存',
    'common.delete': '删除',
    'common.restore': '恢复',
  },
};
