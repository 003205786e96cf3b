// Messages of the pwa area.

import type { Catalog } from './catalog';

export const pwa: Catalog = {
  en: {},
  es: {},
  'zh-CN': {},
};
