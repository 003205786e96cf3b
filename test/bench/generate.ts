// Builds the benchmark's book with the project's own core: 50,000 customers and 500,000 purchases
// with realistic mixed-language data, encoded as the one Yjs update y-indexeddb would store.
// Deterministic (seeded), so runs are comparable. Loaded by test/bench/run.mjs through Vite.

import * as Y from 'yjs';
import { createBook, yDocOf } from '../../src/core/doc/book-doc';
import { addRows, type RowValues } from '../../src/core/index';
import { EN_ADDR, EN_CITIES, EN_FIRST, EN_LAST, ES_ASCII, ES_CITIES, ES_FIRST, ES_LAST, ES_STREETS, TAGS, TIERS, ZH_FIRST, ZH_LAST, pad, rng } from './sample-data.mjs';


const ZH_ADDR = ['上海市徐汇区漕溪北路', '北京市朝阳区建国路', '广州市天河区体育西路', '杭州市西湖区文三路', '成都市锦江区春熙路', '深圳市南山区科技园路'];
const NOTES = ['Prefiere visitas por la mañana', '喜欢绿茶，不要太甜', 'Allergic to nuts', 'Llamar antes de las 18:00', '老顾客，介绍了很多朋友', 'Pays cash', '', '', '', ''];
const PRODUCTS = ['té verde', 'té rojo', '龙井茶', '铁观音', 'galletas', 'scones', 'earl grey', 'tetera de barro', '茶具套装', 'mug', 'gift box', 'jazmín', '普洱', 'matcha', 'rooibos'];

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export type GeneratedBook = { update: Uint8Array; customers: number; purchases: number; ms: number };

export function generateBook(customerCount = 50_000, purchaseCount = 500_000, seed = 20240601): GeneratedBook {
  const t0 = performance.now();
  const r = rng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const DAY = 86_400_000;
  const start = Date.UTC(2019, 0, 1);
  const today = Date.UTC(2025, 5, 1);

  const customers: RowValues[] = [];
  for (let i = 0; i < customerCount; i++) {
    const kind = r();
    let name: string;
    let email: string;
    let phone: string;
    let address: string;
    if (kind < 0.45) {
      const f = pick(ES_FIRST);
      const l1 = pick(ES_LAST);
      const l2 = pick(ES_LAST);
      name = `${f} ${l1} ${l2}`;
      const ascii = (s: string) => s.replace(/[áéíóúñÁÉÍÓÚÑ]/g, (c) => ES_ASCII[c] ?? c).toLowerCase();
      email = `${ascii(f)}.${ascii(l1)}${i % 100}@${pick(['gmail.com', 'hotmail.es', 'yahoo.es', 'telefonica.net'])}`;
      phone = r() < 0.7 ? `06${pad(Math.floor(r() * 1e8), 8)}` : `0034 9${pad(Math.floor(r() * 1e8), 8)}`;
      address = `${pick(ES_STREETS)}, ${1 + Math.floor(r() * 200)}, ${pad(Math.floor(r() * 52000), 5)} ${pick(ES_CITIES)}`;
    } else if (kind < 0.8) {
      const [l, lp] = pick(ZH_LAST);
      const [f, fp] = pick(ZH_FIRST);
      name = `${l}${f}`;
      email = r() < 0.5 ? `${lp}${fp}${i % 1000}@qq.com` : `${fp}.${lp}@163.com`;
      phone = r() < 0.8 ? `1${pick(['38', '39', '58', '86', '35'])}${pad(Math.floor(r() * 1e8), 8)}` : `021-${pad(Math.floor(r() * 1e8), 8)}`;
      address = `${pick(ZH_ADDR)}${1 + Math.floor(r() * 999)}号`;
    } else {
      const f = pick(EN_FIRST);
      const l = pick(EN_LAST);
      name = `${f} ${l}`;
      email = `${f.toLowerCase()}.${l.toLowerCase().replace(/'/g, '')}@${pick(['gmail.com', 'outlook.com', 'btinternet.com'])}`;
      phone = `07${pad(Math.floor(r() * 1e9), 9)}`;
      address = `${1 + Math.floor(r() * 300)} ${pick(EN_ADDR)}, ${pick(EN_CITIES)}`;
    }
    const tags: string[] = [];
    const nTags = Math.floor(r() * 3);
    for (let k = 0; k < nTags; k++) {
      const tag = pick(TAGS);
      if (!tags.includes(tag)) tags.push(tag);
    }
    customers.push({
      code: `C${pad(i + 1, 6)}`,
      name,
      phone,
      email: r() < 0.9 ? email : '',
      address,
      birthday: r() < 0.7 ? iso(Date.UTC(1945, 0, 1) + Math.floor(r() * 60 * 365) * DAY) : null,
      tier: pick(TIERS),
      points: Math.floor(r() * 5000),
      tags,
      notes: pick(NOTES),
      firstSeen: iso(start + Math.floor(r() * ((today - start) / DAY)) * DAY),
    });
  }

  const book = createBook();
  book.ensureSchema();
  addRows(book, 'customers', customers, 'import');

  const purchases: RowValues[] = [];
  for (let i = 0; i < purchaseCount; i++) {
    // A few customers buy a lot (Pareto-ish): square the uniform draw.
    // Linked by the customer's code, as the app and imports link them.
    const c = customers[Math.floor(r() * r() * customers.length)]!.code ?? null;
    const nItems = 1 + Math.floor(r() * 3);
    const items: string[] = [];
    for (let k = 0; k < nItems; k++) items.push(pick(PRODUCTS));
    purchases.push({
      date: iso(start + Math.floor(r() * ((today - start) / DAY)) * DAY),
      customer: c,
      amount: Math.round((3 + r() * r() * 250) * 100) / 100,
      items: items.join(', '),
      note: r() < 0.05 ? pick(['regalo', '赠品', 'gift wrap', 'descuento 10%']) : '',
    });
  }
  addRows(book, 'purchases', purchases, 'import');

  const update = Y.encodeStateAsUpdate(yDocOf(book));
  book.dispose();
  return { update, customers: customerCount, purchases: purchaseCount, ms: performance.now() - t0 };
}
