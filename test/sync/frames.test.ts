import { describe, expect, it } from 'vitest';
import {
  createReassembler,
  FRAME_HEADER,
  FRAME_PAYLOAD,
  FrameError,
  frameOf,
  MAX_FRAME,
  readFrameHeader,
  splitMessage,
  type FramedMessage,
} from '../../src/sync/frames';
import { seededRandom } from './virtual-time';

function bytes(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  const rnd = seededRandom(seed);
  for (let i = 0; i < n; i++) out[i] = (rnd() * 256) | 0;
  return out;
}

function roundTrip(payloads: Uint8Array[]): FramedMessage[] {
  const r = createReassembler();
  const got: FramedMessage[] = [];
  payloads.forEach((payload, i) => {
    for (const f of splitMessage({ kind: 2, id: i + 1, payload })) {
      expect(f.length).toBeLessThanOrEqual(MAX_FRAME);
      const m = r.push(f);
      if (m) got.push(m);
    }
  });
  expect(r.partial).toBe(false);
  return got;
}

describe('frames', () => {
  it.each([0, 1, FRAME_PAYLOAD - 1, FRAME_PAYLOAD, FRAME_PAYLOAD + 1, 64 * 1024, 5_000_000])('round-trips a message of %i bytes', (size) => {
    const payload = bytes(size, size);
    const frames = splitMessage({ kind: 3, id: 1, payload });
    expect(frames.length).toBe(Math.max(1, Math.ceil(size / FRAME_PAYLOAD)));
    expect(frames.every((f) => f.length <= MAX_FRAME)).toBe(true);
    const [msg] = roundTrip([payload]);
    expect(msg!.kind).toBe(2);
    expect(msg!.id).toBe(1);
    expect(msg!.payload.length).toBe(size);
    expect(Buffer.from(msg!.payload).equals(Buffer.from(payload))).toBe(true);
  });

  it('reassembles consecutive messages of mixed sizes in order', () => {
    const payloads = [bytes(10, 1), bytes(0), bytes(200_000, 2), bytes(3, 3)];
    const got = roundTrip(payloads);
    expect(got.map((m) => m.id)).toEqual([1, 2, 3, 4]);
    got.forEach((m, i) => expect(Buffer.from(m.payload).equals(Buffer.from(payloads[i]!))).toBe(true));
  });

  it('a full 64 KiB frame carries exactly FRAME_PAYLOAD bytes after its header', () => {
    const f = frameOf({ kind: 1, id: 7, payload: bytes(FRAME_PAYLOAD) }, 0);
    expect(f.length).toBe(MAX_FRAME);
    expect(readFrameHeader(f)).toEqual({ kind: 1, id: 7, index: 0, count: 1 });
    expect(FRAME_HEADER).toBe(14);
  });

  const big = (id: number) => splitMessage({ kind: 2, id, payload: bytes(FRAME_PAYLOAD * 2 + 5, id) });

  it.each<[string, (r: ReturnType<typeof createReassembler>) => void]>([
    ['an empty frame', (r) => r.push(new Uint8Array(0))],
    ['a frame shorter than its header', (r) => r.push(new Uint8Array(FRAME_HEADER - 1).fill(0xc7))],
    ['a frame over 64 KiB', (r) => r.push(new Uint8Array(MAX_FRAME + 1).fill(0xc7))],
    ['a foreign message (bad magic)', (r) => r.push(new TextEncoder().encode('{"type":"publish","topic":"x"}'))],
    [
      'count 0',
      (r) => {
        const f = frameOf({ kind: 2, id: 1, payload: bytes(4) }, 0);
        f.fill(0, 10, 14);
        r.push(f);
      },
    ],
    [
      'index past count',
      (r) => {
        const f = frameOf({ kind: 2, id: 1, payload: bytes(4) }, 0);
        f[9] = 5;
        r.push(f);
      },
    ],
    ['a gap in message ids (a lost message)', (r) => r.push(frameOf({ kind: 2, id: 2, payload: bytes(4) }, 0))],
    ['a repeated message id', (r) => (r.push(frameOf({ kind: 2, id: 1, payload: bytes(4) }, 0)), r.push(frameOf({ kind: 2, id: 1, payload: bytes(4) }, 0)))],
    ['a message that starts in its middle', (r) => r.push(big(1)[1]!)],
    ['another message interleaved', (r) => (r.push(big(1)[0]!), r.push(frameOf({ kind: 4, id: 2, payload: bytes(1) }, 0)))],
    ['a repeated frame', (r) => (r.push(big(1)[0]!), r.push(big(1)[0]!))],
    ['a skipped frame', (r) => (r.push(big(1)[0]!), r.push(big(1)[2]!))],
    [
      'a short frame in the middle',
      (r) => {
        r.push(big(1)[0]!);
        r.push(big(1)[1]!.subarray(0, 100));
      },
    ],
    [
      'a kind that changes mid-message',
      (r) => {
        r.push(big(1)[0]!);
        const f = big(1)[1]!;
        f[1] = 9;
        r.push(f);
      },
    ],
  ])('rejects %s with a FrameError', (_name, act) => {
    const r = createReassembler();
    expect(() => act(r)).toThrow(FrameError);
  });

  it('refuses a message whose frame count exceeds the size cap before buffering it', () => {
    const r = createReassembler({ maxMessage: 100_000 });
    const frames = splitMessage({ kind: 2, id: 1, payload: bytes(200_000) });
    expect(() => r.push(frames[0]!)).toThrow(/exceeds/);
    expect(r.partial).toBe(false);
    // Exactly at the cap is fine.
    const ok = createReassembler({ maxMessage: 200_000 });
    let msg: FramedMessage | undefined;
    for (const f of frames) msg = ok.push(f);
    expect(msg!.payload.length).toBe(200_000);
  });

  it('drops a half message on reset', () => {
    const r = createReassembler();
    r.push(big(1)[0]!);
    expect(r.partial).toBe(true);
    r.reset();
    expect(r.partial).toBe(false);
    expect(r.lastId).toBe(0);
  });

  it('random bytes only ever raise a FrameError', () => {
    const rnd = seededRandom(99);
    let rejected = 0;
    for (let i = 0; i < 2000; i++) {
      const r = createReassembler();
      const f = bytes(Math.floor(rnd() * 200), i);
      if (rnd() < 0.5 && f.length) f[0] = 0xc7;
      try {
        r.push(f);
      } catch (e) {
        expect(e).toBeInstanceOf(FrameError);
        rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(1900);
  });
});
