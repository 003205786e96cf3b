// Encryption of everything sync sends through a relay or a pasted code: AES-GCM with a key derived
// from the pairing secret by PBKDF2. WebCrypto only exists in a secure context (https or
// localhost); callers check `cryptoAvailable()` and tell the user instead of sending clear text.

const enc = new TextEncoder();
const dec = new TextDecoder();

/** Thrown when bytes cannot be decrypted with this key: another pairing, or tampered data. */
export class DecryptError extends Error {
  constructor() {
    super('decrypt failed');
    this.name = 'DecryptError';
  }
}

export const cryptoAvailable = (): boolean => typeof crypto !== 'undefined' && !!crypto.subtle;

const PBKDF2_ITERATIONS = 200_000;

/** A per-purpose AES-GCM key. `salt` separates purposes (room id, pairing code topic). */
export async function deriveKey(secret: string, salt: string, iterations = PBKDF2_ITERATIONS): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', enc.encode(secret), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', salt: enc.encode(`clientela-sync-v1/${salt}`), iterations, hash: 'SHA-256' },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** 12-byte random IV followed by the ciphertext (with its 16-byte tag). */
export async function encryptBytes(key: CryptoKey, data: Uint8Array): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data as Uint8Array<ArrayBuffer>));
  const out = new Uint8Array(12 + cipher.length);
  out.set(iv, 0);
  out.set(cipher, 12);
  return out;
}

export async function decryptBytes(key: CryptoKey, data: Uint8Array): Promise<Uint8Array> {
  if (data.length < 12 + 16) throw new DecryptError();
  try {
    const bytes = data as Uint8Array<ArrayBuffer>;
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.subarray(0, 12) }, key, bytes.subarray(12));
    return new Uint8Array(plain);
  } catch {
    throw new DecryptError();
  }
}

export async function encryptJson(key: CryptoKey, value: unknown): Promise<string> {
  return toBase64Url(await encryptBytes(key, enc.encode(JSON.stringify(value))));
}

/** Decrypts and parses; DecryptError for a wrong key, SyntaxError never escapes (also DecryptError). */
export async function decryptJson(key: CryptoKey, text: string): Promise<unknown> {
  const bytes = fromBase64Url(text);
  if (!bytes) throw new DecryptError();
  const plain = await decryptBytes(key, bytes);
  try {
    return JSON.parse(dec.decode(plain)) as unknown;
  } catch {
    throw new DecryptError();
  }
}

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** undefined when `text` is not base64url. */
export function fromBase64Url(text: string): Uint8Array | undefined {
  const clean = text.trim();
  if (!/^[A-Za-z0-9_-]*$/.test(clean)) return undefined;
  try {
    const bin = atob(clean.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (clean.length % 4)) % 4));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', enc.encode(text)));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** deflate-raw through the platform's CompressionStream, for codes a person copies or a QR holds. */
export async function deflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function inflate(data: Uint8Array, maxBytes = 64 * 1024): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    // A pasted code is untrusted: a tiny deflate stream can expand enormously.
    if (total > maxBytes) {
      await reader.cancel();
      throw new RangeError('inflated data too large');
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
