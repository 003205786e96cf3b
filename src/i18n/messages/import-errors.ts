// Messages of the import-errors area.

import type { Catalog } from './catalog';

export const importErrors: Catalog = {
  en: {},
  es: {},
  'zh-CN': {},
};
