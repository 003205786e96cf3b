// Random ids. Never derived from content: two devices creating "the same" row must get two ids.

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A random id of `length` base-36 characters (12 chars ≈ 62 bits). */
export function randomId(length = 12): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % 36];
  return out;
}
