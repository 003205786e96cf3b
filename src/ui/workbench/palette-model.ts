// What the command palette lists: the registry's commands as "Category: Title" with their shortcut,
// filtered by what the person typed (forgiving case and accents, words in any order). Pure, so the
// ranking is tested without a browser.

import { foldText } from '../../base/text';
import type { Command } from '../../platform/commands';
import { formatChord } from '../../platform/keybindings';

export type PaletteEntry = {
  readonly id: string;
  /** "Category: Title" in the current language. */
  readonly label: string;
  /** The first shortcut, formatted for this device ("Ctrl+Shift+P", "⌘⇧P"), or empty. */
  readonly keybinding: string;
};

/**
 * How well `label` matches `query`: undefined when it does not, otherwise lower is better.
 * Every word of the query must occur in the label; words found at the start of a label word rank
 * first, then by how early the first word is found.
 */
export function matchScore(label: string, query: string): number | undefined {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return 0;
  const hay = foldText(label);
  let score = 0;
  for (const [n, w] of words.entries()) {
    const at = findWord(hay, w);
    if (at === undefined) return undefined;
    if (!at.wordStart) score += 100;
    if (n === 0) score += at.index / 1000;
  }
  return score;
}

/** Finds `w` in `hay`, preferring an occurrence at the start of a word (after space, colon, punctuation). */
function findWord(hay: string, w: string): { index: number; wordStart: boolean } | undefined {
  let first: number | undefined;
  for (let i = hay.indexOf(w); i >= 0; i = hay.indexOf(w, i + 1)) {
    first ??= i;
    // CJK has no spaces: any position is a "word start" there.
    if (i === 0 || /[\s:：,.(/\-–]/.test(hay[i - 1]!) || /[\u3400-\u9fff]/.test(w[0]!)) return { index: i, wordStart: true };
  }
  return first === undefined ? undefined : { index: first, wordStart: false };
}

/** Filters and ranks entries; an empty query keeps them all in alphabetical order of their label. */
export function filterEntries<T extends { label: string }>(entries: readonly T[], query: string, locale?: string): T[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const scored: { e: T; s: number }[] = [];
  for (const e of entries) {
    const s = matchScore(e.label, query);
    if (s !== undefined) scored.push({ e, s });
  }
  scored.sort((a, b) => a.s - b.s || collator.compare(a.e.label, b.e.label));
  return scored.map((x) => x.e);
}

export const isApplePlatform = (platform: string | undefined): boolean => /mac|iphone|ipad|ipod/i.test(platform ?? '');

/** The palette's entries for the commands of the registry (those not hidden from it). */
export function paletteEntries(
  commands: readonly Command[],
  t: (key: string) => string,
  apple = false,
): PaletteEntry[] {
  return commands
    .filter((c) => !c.hideInPalette)
    .map((c) => {
      const first = typeof c.keybinding === 'string' ? c.keybinding : c.keybinding?.[0];
      return { id: c.id, label: `${t(c.category)}: ${t(c.title)}`, keybinding: first ? formatChord(first, apple) : '' };
    });
}
