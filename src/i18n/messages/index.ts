// Joins the catalog parts. Each part holds one area's messages in all three languages; a test
// checks that every key exists in every language.

import type { Catalog } from './catalog';
import { common } from './common';
import { columns } from './columns';
import { grid } from './grid';
import { importErrors } from './import-errors';
import { importMessages } from './import';
import { pwa } from './pwa';
import { qr } from './qr';
import { workbench } from './workbench';
import { backup } from './backup';
import { trust } from './trust';
import { sync } from './sync';
import { history } from './history';
import { sales } from './sales';
import { analysis } from './analysis';
import { reports } from './reports';
import { segments } from './segments';
import { reminders } from './reminders';

const PARTS: readonly Catalog[] = [common, columns, grid, workbench, pwa, importMessages, importErrors, sync, qr, backup, trust, analysis, sales, reports, history, reminders, segments];

function join(locale: 'en' | 'es' | 'zh-CN'): Readonly<Record<string, string>> {
  return Object.assign({}, ...PARTS.map((p) => p[locale]));
}

export const MESSAGES = { en: join('en'), es: join('es'), 'zh-CN': join('zh-CN') } as const;
export const CATALOG_PARTS = PARTS;
