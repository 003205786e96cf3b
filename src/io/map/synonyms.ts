// Header words shop files use for each built-in column, in Chinese, Spanish and English, and for the
// columns the book has no built-in for (total spent, last purchase...), which become new columns.
// Everything is looked up through `headerKey`, so case, accents, spaces and punctuation never matter.

import { foldText } from '../../base/text';
import type { ColumnType, SheetId } from '../../core/index';

/**
 * The comparable form of a header: NFKC (so `Nº` reads `No`, full-width letters read ASCII), folded
 * (case, accents) and without spaces, punctuation or symbols. CJK characters are kept as they are.
 */
export function headerKey(header: string): string {
  return foldText(header.normalize('NFKC')).replace(/[\s\p{P}\p{S}]/gu, '');
}

type SynonymTable = Readonly<Record<string, readonly string[]>>;

const CUSTOMERS: SynonymTable = {
  code: [
    '会员卡号', '卡号', '编号', '客户编号', '会员编号', '会员号', '客户号', '客户代码',
    'Código', 'Codigo', 'Código cliente', 'Código de cliente', 'Nº cliente', 'N° cliente', 'Num cliente', 'Número de cliente', 'Nº socio',
    'ID', 'Customer ID', 'Client ID', 'Member ID', 'Customer number', 'Customer no', 'Card number', 'Code',
  ],
  name: [
    '姓名', '名字', '客户姓名', '客户名称', '会员姓名', '客户', '会员', '名称',
    'Nombre', 'Nombre completo', 'Nombre y apellidos', 'Cliente', 'Nombre cliente', 'Nombre del cliente',
    'Name', 'Full name', 'Customer', 'Customer name', 'Client', 'Client name',
  ],
  phone: [
    '手机', '电话', '联系方式', '手机号', '手机号码', '电话号码', '联系电话', '移动电话',
    'Teléfono', 'Telefono', 'Móvil', 'Movil', 'Celular', 'Tfno', 'Tlf', 'Teléfono móvil', 'Número de teléfono',
    'Phone', 'Mobile', 'Tel', 'Telephone', 'Phone number', 'Mobile phone', 'Cell', 'Cell phone',
  ],
  email: ['邮箱', '电子邮件', '电子邮箱', '邮件', '电邮', 'Correo', 'Email', 'E-mail', 'Correo electrónico', 'Mail', 'Email address'],
  address: [
    '地址', '收货地址', '送货地址', '联系地址', '住址', '家庭住址',
    'Dirección', 'Direccion', 'Domicilio', 'Dirección de entrega', 'Address', 'Delivery address', 'Street address',
  ],
  birthday: [
    '生日', '出生日期', '出生年月', 'Fecha de nacimiento', 'Fecha nacimiento', 'Nacimiento', 'Cumpleaños', 'Cumpleanos',
    'Birthday', 'Date of birth', 'Birth date', 'DOB',
  ],
  tier: [
    '会员等级', '等级', '会员级别', '级别', '卡类型', '会员类型',
    'Nivel', 'Categoría', 'Categoria', 'Nivel de socio', 'Membresía', 'Tipo de socio',
    'Tier', 'Level', 'Membership', 'Membership level', 'Member level',
  ],
  points: ['积分', '会员积分', '当前积分', '可用积分', 'Puntos', 'Puntos acumulados', 'Points', 'Loyalty points', 'Reward points'],
  tags: ['标签', '标记', 'Etiquetas', 'Etiqueta', 'Tags', 'Tag', 'Labels'],
  notes: ['备注', '说明', '备注信息', 'Notas', 'Nota', 'Observaciones', 'Comentarios', 'Notes', 'Note', 'Comments', 'Remarks'],
  firstSeen: [
    '首次到店', '注册日期', '开卡日期', '入会日期', '注册时间', '开卡时间',
    'Fecha de alta', 'Alta', 'Cliente desde', 'Fecha de registro', 'Socio desde',
    'First seen', 'Since', 'Customer since', 'Member since', 'Joined', 'Registration date', 'Sign-up date',
  ],
};

const PURCHASES: SynonymTable = {
  date: ['日期', '消费日期', '交易日期', '购买日期', '销售日期', 'Fecha', 'Fecha de compra', 'Fecha venta', 'Date', 'Purchase date', 'Sale date', 'Order date'],
  customer: [
    '客户', '会员', '会员卡号', '卡号', '客户编号', '会员编号', 'Cliente', 'Código cliente', 'Nº cliente', 'Customer', 'Customer ID', 'Client', 'Member ID',
  ],
  amount: ['金额', '消费金额', '实付', '实付金额', '总价', 'Importe', 'Monto', 'Total', 'Precio', 'Amount', 'Price', 'Total amount'],
  items: ['商品', '产品', '商品名称', '产品名称', '购买商品', 'Producto', 'Productos', 'Artículo', 'Artículos', 'Product', 'Products', 'Items', 'Item'],
  note: ['备注', '说明', 'Nota', 'Notas', 'Observaciones', 'Note', 'Notes', 'Comments'],
};

const CONTACTS: SynonymTable = {
  date: ['日期', '联系日期', 'Fecha', 'Date'],
  customer: ['客户', '会员', '卡号', 'Cliente', 'Customer', 'Customer ID'],
  channel: ['渠道', '方式', '联系方式', 'Canal', 'Medio', 'Channel', 'Via'],
  outcome: ['结果', 'Resultado', 'Outcome', 'Result'],
  note: ['备注', 'Nota', 'Notas', 'Note', 'Notes'],
};

const BUILT_IN: Readonly<Record<SheetId, SynonymTable>> = { customers: CUSTOMERS, purchases: PURCHASES, contacts: CONTACTS };

/** Columns a shop file often has and the book has no built-in for: they become new, typed columns. */
export const EXTRA_COLUMNS: readonly { readonly id: string; readonly type: ColumnType; readonly words: readonly string[] }[] = [
  {
    id: 'totalSpent',
    type: 'currency',
    words: ['累计消费', '消费总额', '总消费', '累计金额', '消费金额', 'Total gastado', 'Gasto total', 'Total compras', 'Total spent', 'Lifetime value', 'Total purchases'],
  },
  {
    id: 'lastPurchase',
    type: 'date',
    words: ['最近消费日期', '最后消费日期', '最近消费', '上次消费', '最近到店', 'Última compra', 'Fecha última compra', 'Última visita', 'Last purchase', 'Last visit', 'Last order'],
  },
  { id: 'visits', type: 'number', words: ['消费次数', '到店次数', '购买次数', 'Visitas', 'Número de compras', 'Nº compras', 'Visits', 'Orders', 'Number of orders'] },
  { id: 'balance', type: 'currency', words: ['余额', '储值余额', '卡内余额', 'Saldo', 'Balance'] },
  { id: 'amount', type: 'currency', words: ['金额', '实付', '实付金额', 'Importe', 'Monto', 'Precio', 'Amount', 'Price'] },
  { id: 'date', type: 'date', words: ['日期', '消费日期', '交易日期', 'Fecha', 'Fecha de compra', 'Date', 'Purchase date'] },
  { id: 'product', type: 'text', words: ['商品', '产品', '商品名称', 'Producto', 'Productos', 'Artículo', 'Product', 'Products', 'Items'] },
  { id: 'gender', type: 'text', words: ['性别', 'Sexo', 'Género', 'Gender'] },
  { id: 'city', type: 'text', words: ['城市', 'Ciudad', 'Población', 'Localidad', 'City', 'Town'] },
];

type Entry = { readonly id: string; readonly key: string; readonly extraType?: ColumnType };

function entries(table: SynonymTable): Entry[] {
  return Object.keys(table).flatMap((id) => (table[id] ?? []).map((w) => ({ id, key: headerKey(w) })));
}

const builtInCache = new Map<SheetId, Entry[]>();
function builtInEntries(sheet: SheetId): Entry[] {
  let e = builtInCache.get(sheet);
  if (!e) builtInCache.set(sheet, (e = entries(BUILT_IN[sheet])));
  return e;
}
const extraEntries: Entry[] = EXTRA_COLUMNS.flatMap((c) => c.words.map((w) => ({ id: c.id, key: headerKey(w), extraType: c.type })));

/** Words too generic to name a column when they are only part of a header ("Cliente VIP"). */
const GENERIC = new Set(['cliente', 'client', 'customer', '客户', '会员', '名称', 'alta', 'since', 'level', 'nivel', 'mail', 'note', 'nota', 'notas', 'code']);

/** Long enough to be looked for inside a longer header ("Teléfono móvil 1" has "telefono"). */
const containable = (key: string) => !GENERIC.has(key) && (/[\u3000-\u9fff]/.test(key) ? key.length >= 2 : key.length >= 4);

export type SynonymMatch =
  | { readonly kind: 'builtIn'; readonly id: string; readonly exact: boolean }
  | { readonly kind: 'extra'; readonly id: string; readonly type: ColumnType; readonly exact: boolean };

/**
 * What a header names: a built-in column of `sheet`, a known extra column, or nothing. Exact words
 * win over words found inside the header; among those, the longest word wins.
 */
export function matchHeader(header: string, sheet: SheetId): SynonymMatch | undefined {
  const key = headerKey(header);
  if (key === '') return undefined;
  const builtIn = builtInEntries(sheet);
  const exactBuiltIn = builtIn.find((e) => e.key === key);
  if (exactBuiltIn) return { kind: 'builtIn', id: exactBuiltIn.id, exact: true };
  const exactExtra = extraEntries.find((e) => e.key === key);
  if (exactExtra) return { kind: 'extra', id: exactExtra.id, type: exactExtra.extraType!, exact: true };
  let best: Entry | undefined;
  for (const e of [...builtIn, ...extraEntries])
    if (containable(e.key) && key.includes(e.key) && (!best || e.key.length > best.key.length)) best = e;
  if (!best) return undefined;
  return best.extraType ? { kind: 'extra', id: best.id, type: best.extraType, exact: false } : { kind: 'builtIn', id: best.id, exact: false };
}

/** How many cells of a row read as known headers (used to find the header row). */
export function synonymHits(cells: readonly string[], sheet: SheetId): number {
  return cells.filter((c) => matchHeader(c, sheet) !== undefined).length;
}

/** Hints a header gives about its values, whatever column it maps to. */
export type HeaderHint = 'phone' | 'date' | 'code' | 'money' | 'email' | undefined;

const HINT_WORDS: readonly [Exclude<HeaderHint, undefined>, RegExp][] = [
  ['email', /(email|correo|mail|邮箱|邮件)/],
  ['phone', /(tel|phone|movil|mobile|celular|cell|whatsapp|手机|电话)/],
  ['date', /(fecha|date|dob|birth|nacimiento|cumple|日期|时间|生日|出生|alta|since|desde)/],
  ['money', /(importe|total|precio|price|amount|gast|spent|saldo|balance|monto|金额|消费|余额|价|元)/],
  ['code', /(^id$|^id[a-z]?$|customerid|clientid|memberid|codigo|code|numero|number|dni|nif|cedula|编号|卡号|代码|号码?$)/],
];

export function headerHint(header: string | undefined): HeaderHint {
  if (!header) return undefined;
  const m = matchHeader(header, 'customers');
  if (m?.kind === 'builtIn') {
    if (m.id === 'phone') return 'phone';
    if (m.id === 'email') return 'email';
    if (m.id === 'code') return 'code';
    if (m.id === 'birthday' || m.id === 'firstSeen') return 'date';
  } else if (m?.kind === 'extra') {
    if (m.type === 'date') return 'date';
    if (m.type === 'currency') return 'money';
  }
  const key = headerKey(header);
  for (const [hint, re] of HINT_WORDS) if (re.test(key)) return hint;
  return undefined;
}
