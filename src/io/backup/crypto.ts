// Passphrase encryption of backups with WebCrypto: PBKDF2-SHA256 stretches the passphrase into an
// AES-256-GCM key. GCM authenticates as well as encrypts, so a wrong passphrase or any changed byte
// fails to decrypt rather than giving garbage; the file's header is passed as additional data, so
// its fields (dates, KDF parameters) cannot be altered without detection either.
//
// 600,000 iterations is OWASP's 2023 figure for PBKDF2-SHA256 (the floor we accept when reading is
// 310,000, the older figure). It takes ~0.3-0.6 s on a tablet, once per save or restore.

export const KDF_ITERATIONS = 600_000;
export const MIN_KDF_ITERATIONS = 310_000;
/** An upper bound for reading: a crafted file must not make us spin for minutes. */
export const MAX_KDF_ITERATIONS = 10_000_000;

export type KdfParams = { readonly name: 'PBKDF2'; readonly hash: 'SHA-256'; readonly iterations: number; readonly salt: string };
export type CipherParams = { readonly name: 'AES-GCM'; readonly iv: string };

const subtle = (): SubtleCrypto => {
  const s = globalThis.crypto?.subtle;
  // WebCrypto exists only in secure contexts (https, localhost); the app is always served so.
  if (!s) throw new Error('WebCrypto is not available');
  return s;
};

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

const buf = (b: Uint8Array): Uint8Array<ArrayBuffer> => (b.buffer instanceof ArrayBuffer ? (b as Uint8Array<ArrayBuffer>) : new Uint8Array(b));

async function deriveKey(passphrase: string, kdf: KdfParams): Promise<CryptoKey> {
  const base = await subtle().importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: buf(fromBase64(kdf.salt)), iterations: kdf.iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Fresh random KDF and cipher parameters for one backup. */
export function newEncryptionParams(iterations = KDF_ITERATIONS): { kdf: KdfParams; cipher: CipherParams } {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  return { kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) }, cipher: { name: 'AES-GCM', iv: toBase64(iv) } };
}

export async function encrypt(plain: Uint8Array, passphrase: string, kdf: KdfParams, cipher: CipherParams, additional: Uint8Array): Promise<Uint8Array> {
  const key = await deriveKey(passphrase, kdf);
  const out = await subtle().encrypt({ name: 'AES-GCM', iv: buf(fromBase64(cipher.iv)), additionalData: buf(additional) }, key, buf(plain));
  return new Uint8Array(out);
}

/** Decrypts, or resolves `undefined` when the passphrase (or the data) is wrong. */
export async function decrypt(
  sealed: Uint8Array,
  passphrase: string,
  kdf: KdfParams,
  cipher: CipherParams,
  additional: Uint8Array,
): Promise<Uint8Array | undefined> {
  const key = await deriveKey(passphrase, kdf);
  try {
    const out = await subtle().decrypt({ name: 'AES-GCM', iv: buf(fromBase64(cipher.iv)), additionalData: buf(additional) }, key, buf(sealed));
    return new Uint8Array(out);
  } catch {
    return undefined;
  }
}

export async function sha256Hex(data: Uint8Array): Promise<string> {
  const d = new Uint8Array(await subtle().digest('SHA-256', buf(data)));
  return [...d].map((b) => b.toString(16).padStart(2, '0')).join('');
}
