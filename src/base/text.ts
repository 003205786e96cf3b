// Text normalisation for matching: case- and accent-insensitive ("jose" finds "José").

const COMBINING = /[\u0300-\u036f]/g;

/** Lower-case, strip accents and surrounding space; keeps CJK characters as they are. */
export function foldText(s: string): string {
  return s.normalize('NFD').replace(COMBINING, '').toLowerCase().trim();
}

/** Does `haystack` contain `needle`, forgiving case and accents? */
export function includesFolded(haystack: string, needle: string): boolean {
  return foldText(haystack).includes(foldText(needle));
}
