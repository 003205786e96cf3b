// Phone contacts (.vcf, vCard 2.1 / 3.0 / 4.0) as one sheet: a header row and a row per contact.
// Handles folded lines (3.0/4.0 continuation with a leading space; 2.1 soft line breaks in
// QUOTED-PRINTABLE), QUOTED-PRINTABLE values in any charset TextDecoder knows, and escapes (\, \; \n).
// Several phones or emails of one contact are joined with "; " so none is lost.

import type { RawCell, RawRow } from '../types';

export const VCARD_HEADER: readonly string[] = ['Name', 'Phone', 'Email', 'Address', 'Birthday', 'Notes'];

type Prop = { readonly name: string; readonly params: readonly string[]; readonly value: string };

export function looksLikeVcard(text: string): boolean {
  return /^\s*BEGIN:VCARD\s*$/im.test(text.slice(0, 4096));
}

/** Unfolds lines: a line starting with a space or tab continues the previous one (RFC 6350 §3.2);
 * a QUOTED-PRINTABLE value ending in "=" continues on the next line (vCard 2.1). */
function logicalLines(text: string): string[] {
  const physical = text.split(/\r\n|\r|\n/);
  const out: string[] = [];
  for (const line of physical) {
    const prev = out.length - 1;
    if ((line.startsWith(' ') || line.startsWith('\t')) && prev >= 0) {
      out[prev] += line.slice(1);
    } else if (prev >= 0 && /QUOTED-PRINTABLE/i.test(out[prev]!.split(':')[0]!) && out[prev]!.endsWith('=')) {
      out[prev] = out[prev]!.slice(0, -1) + line;
    } else {
      out.push(line);
    }
  }
  return out;
}

function parseProp(line: string): Prop | undefined {
  // The name and parameters end at the first ':' outside a quoted parameter value.
  let colon = -1;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon < 0) return undefined;
  const [rawName = '', ...params] = line.slice(0, colon).split(';');
  // Grouped names ("item1.TEL") are the same property.
  const name = rawName.replace(/^.*\./, '').toUpperCase();
  return { name, params: params.map((p) => p.toUpperCase()), value: line.slice(colon + 1) };
}

function param(prop: Prop, key: string): string | undefined {
  for (const p of prop.params) {
    const eq = p.indexOf('=');
    if (eq >= 0 && p.slice(0, eq) === key) return p.slice(eq + 1).replace(/^"|"$/g, '');
  }
  return undefined;
}

/** The decoded value: QUOTED-PRINTABLE bytes in their charset, or plain text. */
function decodedValue(prop: Prop): string {
  const encoding = param(prop, 'ENCODING') ?? (prop.params.includes('QUOTED-PRINTABLE') ? 'QUOTED-PRINTABLE' : undefined);
  if (encoding !== 'QUOTED-PRINTABLE') return prop.value;
  const bytes: number[] = [];
  const v = prop.value;
  for (let i = 0; i < v.length; i++) {
    const ch = v[i]!;
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(v.slice(i + 1, i + 3))) {
      bytes.push(parseInt(v.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      // Text outside =XX is ASCII in a QP value; anything else is kept as UTF-8.
      for (const b of new TextEncoder().encode(ch)) bytes.push(b);
    }
  }
  const charset = (param(prop, 'CHARSET') ?? 'UTF-8').toLowerCase();
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(new Uint8Array(bytes));
}

/** Splits a structured value on unescaped ';' and resolves escapes in each part. */
function components(value: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '\\' && i + 1 < value.length) {
      const next = value[++i]!;
      cur += next === 'n' || next === 'N' ? '\n' : next;
    } else if (ch === ';') {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

const text = (value: string) => components(value).join(';');

/** vCard dates: 19850312, 1985-03-12, --0312 (no year, 4.0), 1985-03-12T00:00:00Z. */
function isoBirthday(value: string): string {
  const v = value.trim();
  let m = /^(\d{4})-?(\d{2})-?(\d{2})(?:T.*)?$/.exec(v);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^--(\d{2})-?(\d{2})$/.exec(v);
  if (m) return `--${m[1]}-${m[2]}`;
  return v;
}

export function parseVcards(input: string): RawRow[] {
  const rows: RawRow[] = [VCARD_HEADER];
  let card: Prop[] | undefined;
  for (const line of logicalLines(input)) {
    const prop = parseProp(line);
    if (!prop) continue;
    if (prop.name === 'BEGIN' && prop.value.trim().toUpperCase() === 'VCARD') card = [];
    else if (prop.name === 'END' && prop.value.trim().toUpperCase() === 'VCARD') {
      if (card) {
        const row = cardRow(card);
        if (row.some((c) => c !== null)) rows.push(row);
      }
      card = undefined;
    } else card?.push(prop);
  }
  return rows;
}

function cardRow(props: readonly Prop[]): RawCell[] {
  const all = (name: string) => props.filter((p) => p.name === name).map((p) => decodedValue(p));
  const fn = all('FN').map(text)[0]?.trim();
  let name = fn;
  if (!name) {
    // N is Family;Given;Additional;Prefix;Suffix.
    const n = all('N')[0];
    if (n !== undefined) {
      const [family = '', given = '', additional = '', prefix = '', suffix = ''] = components(n);
      name = [prefix, given, additional, family, suffix].filter((s) => s.trim()).join(' ');
    }
  }
  const orgs = all('ORG').map((o) => components(o).map((s) => s.trim()).filter(Boolean).join(' '));
  // A company contact without a person's name is known by its organisation; otherwise the
  // organisation goes to the notes so it is not lost.
  if (!name) name = orgs.shift();
  const join = (values: string[]) => {
    const kept = values.map((v) => v.trim()).filter(Boolean);
    return kept.length ? kept.join('; ') : null;
  };
  // TEL in 4.0 may be a URI ("tel:+34…").
  const phones = all('TEL').map((v) => text(v).replace(/^tel:/i, ''));
  const emails = all('EMAIL').map(text);
  // ADR is PO box;extended;street;locality;region;postal code;country.
  const addresses = all('ADR').map((v) =>
    components(v)
      .map((s) => s.trim())
      .filter(Boolean)
      .join(', '),
  );
  const bday = all('BDAY')[0];
  const notes = [...orgs, ...all('NOTE').map(text)];
  return [name || null, join(phones), join(emails), join(addresses), bday ? isoBirthday(bday) : null, join(notes)];
}
