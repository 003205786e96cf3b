// Framing: any message, however large, crosses a link as frames of at most MAX_FRAME bytes, so a
// 50 MB first sync never meets a transport's per-message limit (Chromium: 256 KiB, and y-webrtc
// swallowed the error). Each frame carries a 14-byte header:
//
//   0      magic 0xC7 (a stray or foreign message is recognised at once)
//   1      kind of the message (the session's business)
//   2..5   message id, uint32 big-endian: consecutive per sender, starting at 1
//   6..9   frame index within the message
//   10..13 frame count of the message
//
// The link is reliable and ordered and a sender sends one message's frames back to back, so the
// reassembler accepts exactly the next frame it expects and nothing else: a gap in the message ids
// (a lost message), an interleaved or repeated frame, a short frame in the middle, a count that
// would exceed the size cap — each is a FrameError, and the session treats the link as broken.

export const MAX_FRAME = 64 * 1024;
export const FRAME_HEADER = 14;
/** Payload bytes per full frame. */
export const FRAME_PAYLOAD = MAX_FRAME - FRAME_HEADER;
/** Largest message a reassembler accepts by default. */
export const MAX_MESSAGE = 512 * 1024 * 1024;
const MAGIC = 0xc7;

export class FrameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FrameError';
  }
}

export type FrameHeader = { readonly kind: number; readonly id: number; readonly index: number; readonly count: number };
export type FramedMessage = { readonly kind: number; readonly id: number; readonly payload: Uint8Array };

/** Frames a message of `size` bytes needs (an empty message still takes one frame). */
export const frameCount = (size: number): number => Math.max(1, Math.ceil(size / FRAME_PAYLOAD));

/** Frame `index` of a message, built when needed so a large queued message is not copied twice. */
export function frameOf(msg: FramedMessage, index: number): Uint8Array {
  const count = frameCount(msg.payload.length);
  if (!Number.isInteger(index) || index < 0 || index >= count) throw new RangeError(`frame ${index} of ${count}`);
  const body = msg.payload.subarray(index * FRAME_PAYLOAD, (index + 1) * FRAME_PAYLOAD);
  const frame = new Uint8Array(FRAME_HEADER + body.length);
  const view = new DataView(frame.buffer);
  frame[0] = MAGIC;
  frame[1] = msg.kind & 0xff;
  view.setUint32(2, msg.id >>> 0);
  view.setUint32(6, index);
  view.setUint32(10, count);
  frame.set(body, FRAME_HEADER);
  return frame;
}

/** All frames of a message at once (tests, small messages). */
export function splitMessage(msg: FramedMessage): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < frameCount(msg.payload.length); i++) out.push(frameOf(msg, i));
  return out;
}

export function readFrameHeader(frame: Uint8Array): FrameHeader {
  if (!(frame instanceof Uint8Array)) throw new FrameError('not bytes');
  if (frame.length < FRAME_HEADER) throw new FrameError(`frame of ${frame.length} bytes is shorter than its header`);
  if (frame.length > MAX_FRAME) throw new FrameError(`frame of ${frame.length} bytes exceeds ${MAX_FRAME}`);
  if (frame[0] !== MAGIC) throw new FrameError('not a frame (bad magic byte)');
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const header = { kind: frame[1]!, id: view.getUint32(2), index: view.getUint32(6), count: view.getUint32(10) };
  if (header.count === 0 || header.index >= header.count) throw new FrameError(`frame ${header.index} of ${header.count}`);
  return header;
}

export interface Reassembler {
  /** A whole message when `frame` completes one; throws FrameError on anything out of order or malformed. */
  push(frame: Uint8Array): FramedMessage | undefined;
  /** Drops a half-received message (the link closed). */
  reset(): void;
  /** True while a message is half received. */
  readonly partial: boolean;
  /** Id of the last complete message (0 before the first). */
  readonly lastId: number;
}

export function createReassembler(opts: { maxMessage?: number } = {}): Reassembler {
  const maxMessage = opts.maxMessage ?? MAX_MESSAGE;
  let lastId = 0;
  let current: { kind: number; id: number; count: number; next: number; parts: Uint8Array[]; size: number } | undefined;

  const finish = (kind: number, id: number, payload: Uint8Array): FramedMessage => {
    current = undefined;
    lastId = id;
    return { kind, id, payload };
  };

  return {
    push(frame) {
      const h = readFrameHeader(frame);
      const body = frame.subarray(FRAME_HEADER);
      const last = h.index === h.count - 1;
      // Every frame but the last is full, so a message's size is known to within one frame.
      if (!last && body.length !== FRAME_PAYLOAD) throw new FrameError(`short frame ${h.index} of ${h.count}`);
      if (last && h.count > 1 && body.length === 0) throw new FrameError('empty last frame');
      if (!current) {
        const expected = (lastId + 1) >>> 0;
        if (h.id !== expected) throw new FrameError(`message ${h.id} where ${expected} was expected`);
        if (h.index !== 0) throw new FrameError(`message ${h.id} starts at frame ${h.index}`);
        if ((h.count - 1) * FRAME_PAYLOAD + (h.count === 1 ? body.length : 1) > maxMessage) throw new FrameError(`message of ${h.count} frames exceeds ${maxMessage} bytes`);
        if (h.count === 1) return finish(h.kind, h.id, body.slice());
        current = { kind: h.kind, id: h.id, count: h.count, next: 1, parts: [body.slice()], size: body.length };
        return undefined;
      }
      if (h.id !== current.id || h.kind !== current.kind || h.count !== current.count || h.index !== current.next)
        throw new FrameError(`frame ${h.index}/${h.count} of message ${h.id} inside message ${current.id} (expected frame ${current.next})`);
      current.parts.push(body.slice());
      current.size += body.length;
      current.next++;
      if (!last) return undefined;
      if (current.size > maxMessage) throw new FrameError(`message of ${current.size} bytes exceeds ${maxMessage}`);
      const payload = new Uint8Array(current.size);
      let at = 0;
      for (const p of current.parts) {
        payload.set(p, at);
        at += p.length;
      }
      return finish(current.kind, current.id, payload);
    },
    reset() {
      current = undefined;
    },
    get partial() {
      return current !== undefined;
    },
    get lastId() {
      return lastId;
    },
  };
}
