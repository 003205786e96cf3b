// The floors of ARCHITECTURE.md as a test: an import that points up, sideways between floor-2
// edges, or brings Yjs where it does not belong fails CI.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../../src');
const FLOORS: Record<string, number> = {
  base: 0,
  core: 1,
  platform: 1,
  storage: 2,
  sync: 2,
  io: 2,
  pwa: 2,
  i18n: 2,
  ui: 3,
  features: 4,
  app: 5,
  server: 2,
};
const YJS_ALLOWED = ['core/doc', 'storage', 'sync'];
const YJS_PACKAGES = /^(yjs|y-indexeddb|y-webrtc|y-protocols|lib0)(\/|$)/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

const IMPORT = /\bfrom\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\bimport\s+['"]([^'"]+)['"]/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]!).filter(Boolean);
}

const top = (rel: string) => rel.split('/')[0]!;

describe('architecture floors', () => {
  const all = files(SRC).map((f) => relative(SRC, f).replaceAll('\\', '/'));

  it('every source file lives in a known floor', () => {
    expect(all.filter((f) => f.includes('/') && !(top(f) in FLOORS))).toEqual([]);
  });

  it('imports point down (or within the same folder), never up or across floor-2 edges', () => {
    const wrong: string[] = [];
    for (const rel of all) {
      if (!rel.includes('/')) continue;
      const from = top(rel);
      for (const spec of importsOf(join(SRC, rel))) {
        if (!spec.startsWith('.')) continue;
        const target = relative(SRC, resolve(dirname(join(SRC, rel)), spec)).replaceAll('\\', '/');
        const to = top(target);
        if (to === from) continue;
        if (!(to in FLOORS) || FLOORS[to]! >= FLOORS[from]!) wrong.push(`${rel} → ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('Yjs is imported only in core/doc, storage and sync', () => {
    const wrong = all.filter(
      (rel) => !YJS_ALLOWED.some((p) => rel.startsWith(`${p}/`)) && importsOf(join(SRC, rel)).some((s) => YJS_PACKAGES.test(s)),
    );
    expect(wrong).toEqual([]);
  });

  it('core and base stay free of the DOM libraries (Solid, Dexie)', () => {
    const wrong = all.filter(
      (rel) => ['core', 'base', 'platform'].includes(top(rel)) && importsOf(join(SRC, rel)).some((s) => /^(solid-js|dexie|@tanstack)/.test(s)),
    );
    expect(wrong).toEqual([]);
  });

  it('nothing writes markup from strings (no innerHTML / outerHTML / insertAdjacentHTML)', () => {
    const wrong = all.filter((rel) => /\b(innerHTML|outerHTML|insertAdjacentHTML)\b/.test(readFileSync(join(SRC, rel), 'utf8')));
    expect(wrong).toEqual([]);
  });
});
