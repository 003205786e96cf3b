// What two devices share once paired, and the codes people pass between devices to pair them.
//
// - A pairing is a room id (public: it names the relay topic) and a long random secret (never
//   sent anywhere but to the device being paired). Every message through a relay is encrypted
//   with a key derived from the secret, salted with the room id.
// - A short code ("K7QF2-M9XAB", 45 random bits plus a check character) is a one-time rendezvous
//   for devices without a camera: both devices meet on a relay topic derived from the code, and the
//   device that showed the code sends the pairing there, encrypted with a key derived from the code.
//   It is only useful to someone who controls the relay and guesses it within its few minutes.
// - The serverless codes carry a WebRTC offer and answer directly (QR shown and scanned in turn, or
//   copy-paste), so two tablets on a Wi-Fi with no internet and no computer still connect. The offer
//   carries the pairing itself; the answer is encrypted with it, so an answer from a device that
//   holds another pairing is recognised and refused.

import { randomId } from '../base/id';
import { decryptBytes, deflate, deriveKey, encryptBytes, fromBase64Url, inflate, sha256Hex, toBase64Url } from './crypto';

export type Pairing = { readonly roomId: string; readonly secret: string; readonly createdAt: number };
export type DeviceInfo = { readonly id: string; readonly name: string };

export function newPairing(now = Date.now()): Pairing {
  return { roomId: `cl-${randomId(20)}`, secret: randomSecret(), createdAt: now };
}

/** 256 random bits, base64url. */
export function randomSecret(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
}

export const isPairing = (v: unknown): v is Pairing => {
  const p = v as Partial<Pairing> | null;
  return (
    !!p &&
    typeof p === 'object' &&
    typeof p.roomId === 'string' &&
    /^cl-[0-9a-z]{20}$/.test(p.roomId) &&
    typeof p.secret === 'string' &&
    p.secret.length >= 40 &&
    typeof p.createdAt === 'number'
  );
};

/** The key for everything sent through a relay topic of this pairing. */
export const roomKey = (p: Pairing): Promise<CryptoKey> => deriveKey(p.secret, p.roomId);

// --- short codes ------------------------------------------------------------------------------

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 10;

const checkSymbol = (body: string): string => {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (i + 1) * CROCKFORD.indexOf(body[i]!);
  // Mod 31 (a prime): any single mistyped symbol or swap of two neighbours changes the check
  // (except 0 for Z, 31 apart); mod 32 missed every substitution 8 symbols apart.
  return CROCKFORD[sum % 31]!;
};

/** A fresh one-time pairing code, grouped for reading aloud: "K7QF2-M9XAB". */
export function newShortCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(CODE_LENGTH - 1));
  const body = [...bytes].map((b) => CROCKFORD[b % 32]).join('');
  return formatShortCode(body + checkSymbol(body));
}

export const formatShortCode = (code: string): string => `${code.slice(0, 5)}-${code.slice(5)}`;

export type ShortCodeCheck = { readonly ok: true; readonly code: string } | { readonly ok: false; readonly reason: 'length' | 'typo' };

/** Reads what a person typed: any case, spaces and dashes ignored, O→0 and I/L→1 as in Crockford. */
export function parseShortCode(input: string): ShortCodeCheck {
  const clean = input
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (clean.length !== CODE_LENGTH || [...clean].some((c) => !CROCKFORD.includes(c))) return { ok: false, reason: 'length' };
  const body = clean.slice(0, -1);
  if (checkSymbol(body) !== clean.slice(-1)) return { ok: false, reason: 'typo' };
  return { ok: true, code: clean };
}

/** The relay topic and key of a short code's rendezvous (the topic does not reveal the code). */
export async function rendezvousOf(code: string): Promise<{ topic: string; key: CryptoKey }> {
  const topic = `clientela-pair-${(await sha256Hex(`clientela-pair/${code}`)).slice(0, 32)}`;
  return { topic, key: await deriveKey(code, topic) };
}

// --- serverless offer / answer codes ----------------------------------------------------------

const OFFER_PREFIX = 'CLO1.';
const ANSWER_PREFIX = 'CLA1.';
const enc = new TextEncoder();
const dec = new TextDecoder();

export type OfferCode = { readonly pairing: Pairing; readonly device: DeviceInfo; readonly sdp: string };
export type AnswerCode = { readonly device: DeviceInfo; readonly sdp: string };

export type CodeError = 'not-a-code' | 'wrong-kind' | 'other-pairing';

export class PairingCodeError extends Error {
  constructor(readonly reason: CodeError) {
    super(reason);
    this.name = 'PairingCodeError';
  }
}

export async function encodeOffer(offer: OfferCode): Promise<string> {
  const body = { v: 1, r: offer.pairing.roomId, s: offer.pairing.secret, t: offer.pairing.createdAt, d: offer.device, sdp: offer.sdp };
  return OFFER_PREFIX + toBase64Url(await deflate(enc.encode(JSON.stringify(body))));
}

export async function decodeOffer(text: string): Promise<OfferCode> {
  const clean = text.trim();
  if (clean.startsWith(ANSWER_PREFIX)) throw new PairingCodeError('wrong-kind');
  if (!clean.startsWith(OFFER_PREFIX)) throw new PairingCodeError('not-a-code');
  const raw = await inflateJson(clean.slice(OFFER_PREFIX.length));
  const o = raw as { v?: unknown; r?: unknown; s?: unknown; t?: unknown; d?: unknown; sdp?: unknown };
  const pairing = { roomId: o.r, secret: o.s, createdAt: o.t };
  if (o.v !== 1 || !isPairing(pairing) || !isDevice(o.d) || typeof o.sdp !== 'string') throw new PairingCodeError('not-a-code');
  return { pairing, device: o.d, sdp: o.sdp };
}

export async function encodeAnswer(pairing: Pairing, answer: AnswerCode): Promise<string> {
  // Compress before encrypting: ciphertext does not compress, SDP text does (to about half).
  const packed = await deflate(enc.encode(JSON.stringify({ v: 1, d: answer.device, sdp: answer.sdp })));
  return ANSWER_PREFIX + toBase64Url(await encryptBytes(await roomKey(pairing), packed));
}

export async function decodeAnswer(pairing: Pairing, text: string): Promise<AnswerCode> {
  const clean = text.trim();
  if (clean.startsWith(OFFER_PREFIX)) throw new PairingCodeError('wrong-kind');
  if (!clean.startsWith(ANSWER_PREFIX)) throw new PairingCodeError('not-a-code');
  const bytes = fromBase64Url(clean.slice(ANSWER_PREFIX.length));
  if (!bytes) throw new PairingCodeError('not-a-code');
  let packed: Uint8Array;
  try {
    packed = await decryptBytes(await roomKey(pairing), bytes);
  } catch {
    throw new PairingCodeError('other-pairing');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(dec.decode(await inflate(packed))) as unknown;
  } catch {
    throw new PairingCodeError('not-a-code');
  }
  const o = raw as { v?: unknown; d?: unknown; sdp?: unknown };
  if (o.v !== 1 || !isDevice(o.d) || typeof o.sdp !== 'string') throw new PairingCodeError('not-a-code');
  return { device: o.d, sdp: o.sdp };
}

async function inflateJson(b64: string): Promise<unknown> {
  const bytes = fromBase64Url(b64);
  if (!bytes) throw new PairingCodeError('not-a-code');
  try {
    return JSON.parse(dec.decode(await inflate(bytes))) as unknown;
  } catch {
    throw new PairingCodeError('not-a-code');
  }
}

export const isDevice = (v: unknown): v is DeviceInfo => {
  const d = v as Partial<DeviceInfo> | null;
  return !!d && typeof d === 'object' && typeof d.id === 'string' && d.id.length > 0 && d.id.length <= 64 && typeof d.name === 'string' && d.name.length <= 80;
};
