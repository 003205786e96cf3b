// Messages of the import area.

import type { Catalog } from './catalog';

export const importMessages: Catalog = {
  en: {},
  es: {},
  'zh-CN': {},
};
