// Messages of the workbench area.

import type { Catalog } from './catalog';

export const workbench: Catalog = {
  en: {},
  es: {},
  'zh-CN': {},
};
