// The import benchmark's files: 50,000 customers × 14 columns of a mixed Spanish/Chinese/English
// shop, written at run time (never committed) as a UTF-8 CSV the way Excel/LibreOffice export it and
// as an .xlsx made by SheetJS in Node. Deterministic (seeded), so runs are comparable.
//
// Columns: Código (zero-padded text), Nombre, Teléfono (leading zeros), Correo, Dirección,
// Cumpleaños (date), Nivel, Puntos (integer), Etiquetas, Notas (commas, quotes), Primera visita
// (date), Total gastado (decimal), Última compra (date), Ciudad. In the .xlsx, dates are real date
// cells (serial numbers with a dd/mm/yyyy format) and numbers are numbers; in the CSV, dates are
// dd/mm/yyyy and numbers are written with a decimal point.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import XLSX from 'xlsx';
import { EN_ADDR, EN_CITIES, EN_FIRST, EN_LAST, ES_ASCII, ES_CITIES, ES_FIRST, ES_LAST, ES_STREETS, TAGS, TIERS, ZH_FIRST, ZH_LAST, pad, rng } from './sample-data.mjs';

export const IMPORT_HEADERS = [
  'Código',
  'Nombre',
  'Teléfono',
  'Correo',
  'Dirección',
  'Cumpleaños',
  'Nivel',
  'Puntos',
  'Etiquetas',
  'Notas',
  'Primera visita',
  'Total gastado',
  'Última compra',
  'Ciudad',
];


const ZH_ADDR = [['上海市徐汇区漕溪北路', '上海'], ['北京市朝阳区建国路', '北京'], ['广州市天河区体育西路', '广州'], ['杭州市西湖区文三路', '杭州'], ['成都市锦江区春熙路', '成都'], ['深圳市南山区科技园路', '深圳']];
const NOTES = ['Prefiere visitas por la mañana', '喜欢绿茶，不要太甜', 'Allergic to nuts', 'Llamar antes de las 18:00, no antes', '老顾客，介绍了很多朋友', 'Pays cash', 'Dice "siempre el mismo", té rojo', '', '', '', ''];

const DAY = 86_400_000;

/**
 * The rows as values: strings, numbers and UTC Dates (null for an empty cell).
 * @returns {{ headers: string[], rows: (string|number|Date|null)[][] }}
 */
export function importRows(count = 50_000, seed = 20250601) {
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const start = Date.UTC(2019, 0, 1);
  const today = Date.UTC(2025, 5, 1);
  const rows = [];
  for (let i = 0; i < count; i++) {
    const kind = r();
    let name, email, phone, address, city;
    if (kind < 0.45) {
      const f = pick(ES_FIRST);
      const l1 = pick(ES_LAST);
      const l2 = pick(ES_LAST);
      name = `${f} ${l1} ${l2}`;
      const ascii = (s) => s.replace(/[áéíóúñÁÉÍÓÚÑ]/g, (c) => ES_ASCII[c] ?? c).toLowerCase();
      email = `${ascii(f)}.${ascii(l1)}${i % 100}@${pick(['gmail.com', 'hotmail.es', 'yahoo.es', 'telefonica.net'])}`;
      phone = r() < 0.7 ? `06${pad(Math.floor(r() * 1e8), 8)}` : `0034 9${pad(Math.floor(r() * 1e8), 8)}`;
      city = pick(ES_CITIES);
      address = `${pick(ES_STREETS)}, ${1 + Math.floor(r() * 200)}, ${pad(Math.floor(r() * 52000), 5)} ${city}`;
    } else if (kind < 0.8) {
      const [l, lp] = pick(ZH_LAST);
      const [f, fp] = pick(ZH_FIRST);
      name = `${l}${f}`;
      email = r() < 0.5 ? `${lp}${fp}${i % 1000}@qq.com` : `${fp}.${lp}@163.com`;
      phone = r() < 0.8 ? `1${pick(['38', '39', '58', '86', '35'])}${pad(Math.floor(r() * 1e8), 8)}` : `021-${pad(Math.floor(r() * 1e8), 8)}`;
      const [addr, c] = pick(ZH_ADDR);
      address = `${addr}${1 + Math.floor(r() * 999)}号`;
      city = c;
    } else {
      const f = pick(EN_FIRST);
      const l = pick(EN_LAST);
      name = `${f} ${l}`;
      email = `${f.toLowerCase()}.${l.toLowerCase().replace(/'/g, '')}@${pick(['gmail.com', 'outlook.com', 'btinternet.com'])}`;
      phone = `07${pad(Math.floor(r() * 1e9), 9)}`;
      city = pick(EN_CITIES);
      address = `${1 + Math.floor(r() * 300)} ${pick(EN_ADDR)}, ${city}`;
    }
    const birthday = r() < 0.7 ? new Date(Date.UTC(1950 + Math.floor(r() * 55), Math.floor(r() * 12), 1 + Math.floor(r() * 28))) : null;
    const firstSeen = start + Math.floor(r() * ((today - start) / DAY - 30)) * DAY;
    const lastPurchase = r() < 0.9 ? new Date(firstSeen + Math.floor(r() * ((today - firstSeen) / DAY)) * DAY) : null;
    const tagCount = Math.floor(r() * 3);
    const tags = [];
    for (let t = 0; t < tagCount; t++) {
      const tag = pick(TAGS);
      if (!tags.includes(tag)) tags.push(tag);
    }
    rows.push([
      pad(i + 1, 6), // Código: 000001 …
      name,
      phone,
      r() < 0.85 ? email : null,
      address,
      birthday,
      pick(TIERS),
      Math.floor(r() * 5000),
      tags.length ? tags.join(', ') : null,
      pick(NOTES) || null,
      new Date(firstSeen),
      Math.round(r() * 250_000) / 100,
      lastPurchase,
      city,
    ]);
  }
  return { headers: IMPORT_HEADERS, rows };
}

const dmy = (d) => `${pad(d.getUTCDate(), 2)}/${pad(d.getUTCMonth() + 1, 2)}/${d.getUTCFullYear()}`;

function csvField(v) {
  if (v === null || v === undefined) return '';
  const s = v instanceof Date ? dmy(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with a BOM and CRLF line ends, comma-separated, as Excel's "CSV UTF-8" writes it. */
export function toCsvBytes({ headers, rows }) {
  const lines = [headers.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return Buffer.from('\ufeff' + lines.join('\r\n') + '\r\n', 'utf8');
}

/** An .xlsx written by SheetJS: text cells for codes and phones, date cells, number cells. */
export function toXlsxBytes({ headers, rows }) {
  const ws = XLSX.utils.aoa_to_sheet([headers, ...rows], { dateNF: 'dd/mm/yyyy', cellDates: false });
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Clientes');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', bookSST: true, compression: true });
}

/** Writes clientes-50000.csv and clientes-50000.xlsx into `dir`; returns their paths and sizes. */
export async function writeImportFiles(dir, count = 50_000) {
  const t0 = performance.now();
  const data = importRows(count);
  const csv = toCsvBytes(data);
  const xlsx = toXlsxBytes(data);
  const files = {
    csv: { name: `clientes-${count}.csv`, bytes: csv },
    xlsx: { name: `clientes-${count}.xlsx`, bytes: xlsx },
  };
  for (const f of Object.values(files)) {
    f.path = join(dir, f.name);
    await writeFile(f.path, f.bytes);
  }
  return { files, rows: count, columns: data.headers.length, ms: performance.now() - t0 };
}
