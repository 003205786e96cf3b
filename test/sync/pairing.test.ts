import { describe, expect, it } from 'vitest';
import {
  decodeAnswer,
  decodeOffer,
  encodeAnswer,
  encodeOffer,
  isPairing,
  newPairing,
  newShortCode,
  parseShortCode,
  PairingCodeError,
  rendezvousOf,
} from '../../src/sync/pairing';
import { DecryptError, decryptJson, deflate, encryptJson, deriveKey, inflate, toBase64Url } from '../../src/sync/crypto';

// A realistic non-trickle offer from Chromium on a LAN (two host candidates), ~1.1 KB.
const SDP = [
  'v=0', 'o=- 4611731400430051336 2 IN IP4 127.0.0.1', 's=-', 't=0 0', 'a=group:BUNDLE 0', 'a=extmap-allow-mixed',
  'a=msid-semantic: WMS', 'm=application 54621 UDP/DTLS/SCTP webrtc-datachannel', 'c=IN IP4 192.168.1.23',
  'a=candidate:2999745851 1 udp 2122260223 192.168.1.23 54621 typ host generation 0 network-id 1',
  'a=candidate:1234567890 1 tcp 1518280447 192.168.1.23 9 typ host tcptype active generation 0 network-id 1',
  'a=ice-ufrag:Q1mZ', 'a=ice-pwd:8H0e0Yc4Jm0bF2J9dN4x2h6T', 'a=ice-options:trickle',
  'a=fingerprint:sha-256 3C:8D:2A:7F:11:9B:4E:60:AB:CD:EF:01:23:45:67:89:9A:BC:DE:F0:12:34:56:78:90:AB:CD:EF:12:34:56:78',
  'a=setup:actpass', 'a=mid:0', 'a=sctp-port:5000', 'a=max-message-size:262144', '',
].join('\r\n');
const A = { id: 'dev-a', name: 'Counter tablet' };
const B = { id: 'dev-b', name: 'Owner phone' };

describe('short codes', () => {
  it('are 10 symbols with a check symbol and read back whatever the case and dashes', () => {
    for (let i = 0; i < 200; i++) {
      const code = newShortCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
      const parsed = parseShortCode(` ${code.toLowerCase().replace('-', ' - ')} `);
      expect(parsed).toEqual({ ok: true, code: code.replace('-', '') });
    }
  });

  it('catch a mistyped symbol and say so apart from a wrong length', () => {
    const code = newShortCode().replace('-', '');
    const other = code[3] === 'A' ? 'B' : 'A';
    const typo = code.slice(0, 3) + other + code.slice(4);
    expect(parseShortCode(typo)).toEqual({ ok: false, reason: 'typo' });
    expect(parseShortCode(code.slice(0, 8))).toEqual({ ok: false, reason: 'length' });
    expect(parseShortCode('')).toEqual({ ok: false, reason: 'length' });
  });

  it('forgive O for 0 and I or L for 1', () => {
    // Build a code whose body has 0 and 1, then type it with O and I.
    let code = '';
    while (!/[01]/.test(code.slice(0, 9))) code = newShortCode().replace('-', '');
    const typed = code.slice(0, 9).replace(/0/g, 'o').replace(/1/g, 'I') + code.slice(9);
    expect(parseShortCode(typed)).toEqual({ ok: true, code });
  });

  it('meet on a topic that does not contain the code', async () => {
    const code = parseShortCode(newShortCode());
    if (!code.ok) throw new Error('bad code');
    const r = await rendezvousOf(code.code);
    expect(r.topic).not.toContain(code.code);
    expect((await rendezvousOf(code.code)).topic).toBe(r.topic);
  });
});

describe('pairings', () => {
  it('have a public room id and a 256-bit secret', () => {
    const p = newPairing(1);
    expect(isPairing(p)).toBe(true);
    expect(p.secret.length).toBeGreaterThanOrEqual(43);
    expect(newPairing().secret).not.toBe(p.secret);
    expect(isPairing({ ...p, secret: 'short' })).toBe(false);
    expect(isPairing({ ...p, roomId: '../x' })).toBe(false);
  });
});

describe('serverless offer and answer codes', () => {
  it('carry the offer with the pairing, and an encrypted answer, in QR-sized text', async () => {
    const pairing = newPairing();
    const offerText = await encodeOffer({ pairing, device: A, sdp: SDP });
    const offer = await decodeOffer(offerText);
    expect(offer).toEqual({ pairing, device: A, sdp: SDP });
    expect(offerText.length).toBeLessThan(1400);

    const answerText = await encodeAnswer(offer.pairing, { device: B, sdp: SDP });
    expect(answerText).not.toContain('candidate');
    expect(answerText.length).toBeLessThan(1400);
    expect(await decodeAnswer(pairing, answerText)).toEqual({ device: B, sdp: SDP });
  });

  it('refuse an answer made for another pairing, a swapped code, and garbage', async () => {
    const pairing = newPairing();
    const answer = await encodeAnswer(newPairing(), { device: B, sdp: SDP });
    await expect(decodeAnswer(pairing, answer)).rejects.toEqual(new PairingCodeError('other-pairing'));
    const offer = await encodeOffer({ pairing, device: A, sdp: SDP });
    await expect(decodeAnswer(pairing, offer)).rejects.toEqual(new PairingCodeError('wrong-kind'));
    await expect(decodeOffer(answer)).rejects.toEqual(new PairingCodeError('wrong-kind'));
    await expect(decodeOffer('hello')).rejects.toEqual(new PairingCodeError('not-a-code'));
    await expect(decodeOffer('CLO1.!!!')).rejects.toEqual(new PairingCodeError('not-a-code'));
    await expect(decodeOffer(offer.slice(0, offer.length - 30))).rejects.toEqual(new PairingCodeError('not-a-code'));
    await expect(decodeAnswer(pairing, answer.slice(0, 40))).rejects.toBeInstanceOf(PairingCodeError);
  });

  it('refuse a deflate bomb pasted as an offer', async () => {
    const bomb = await deflate(new Uint8Array(10 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(20_000);
    await expect(decodeOffer(`CLO1.${toBase64Url(bomb)}`)).rejects.toEqual(new PairingCodeError('not-a-code'));
    await expect(inflate(bomb)).rejects.toBeInstanceOf(RangeError);
  });
});

describe('crypto', () => {
  it('opens only with the same secret and salt', async () => {
    const k1 = await deriveKey('secret-one', 'room', 1000);
    const k2 = await deriveKey('secret-two', 'room', 1000);
    const k3 = await deriveKey('secret-one', 'other-room', 1000);
    const sealed = await encryptJson(k1, { hello: 'José 张伟' });
    expect(await decryptJson(k1, sealed)).toEqual({ hello: 'José 张伟' });
    await expect(decryptJson(k2, sealed)).rejects.toBeInstanceOf(DecryptError);
    await expect(decryptJson(k3, sealed)).rejects.toBeInstanceOf(DecryptError);
    // One flipped character is tampering, not a different message.
    const flipped = sealed.slice(0, 20) + (sealed[20] === 'A' ? 'B' : 'A') + sealed.slice(21);
    await expect(decryptJson(k1, flipped)).rejects.toBeInstanceOf(DecryptError);
    // Same plaintext twice gives different ciphertexts (random IV).
    expect(await encryptJson(k1, { a: 1 })).not.toBe(await encryptJson(k1, { a: 1 }));
  });
});
