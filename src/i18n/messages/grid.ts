// Messages of the grid area.

import type { Catalog } from './catalog';

export const grid: Catalog = {
  en: {},
  es: {},
  'zh-CN': {},
};
