// Compressed first syncs: real CompressionStream (Node has it), real timers, a link that refuses
// messages over 256 KiB like Chromium's data channel.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { createBook, yDocOf } from '../../src/core/doc/book-doc';
import { addRows } from '../../src/core/index';
import { deflate, inflate } from '../../src/sync/crypto';
import { createMemoryLinkPair } from '../../src/sync/link';
import { frameOf } from '../../src/sync/frames';
import { createPeerSession, PROTOCOL_VERSION, type PeerSession, type SyncCompression, type SyncProblem } from '../../src/sync/session';

const compress: SyncCompression = { above: 64 * 1024, deflate: (b) => deflate(b), inflate: (b, max) => inflate(b, max) };
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

const until = async (cond: () => boolean, what: string, ms = 15_000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

function doc(rows: number) {
  const book = createBook(new Y.Doc());
  book.ensureSchema();
  if (rows)
    addRows(
      book,
      'customers',
      Array.from({ length: rows }, (_, i) => ({ code: `C${String(i).padStart(5, '0')}`, name: `Cliente ${i} García`, email: `c${i}@example.com`, notes: `Prefiere té; visita los ${['lunes', 'viernes'][i % 2]}` })),
      'import',
    );
  const yDoc = yDocOf(book);
  const awareness = new Awareness(yDoc);
  cleanups.push(() => awareness.destroy());
  return { book, yDoc, awareness };
}

function pair(a: ReturnType<typeof doc>, b: ReturnType<typeof doc>, compressA?: SyncCompression, compressB?: SyncCompression) {
  const [la, lb] = createMemoryLinkPair({ maxMessage: 256 * 1024 });
  const problems: SyncProblem[] = [];
  const mk = (d: ReturnType<typeof doc>, link: typeof la, name: string, c?: SyncCompression): PeerSession => {
    const s = createPeerSession({ yDoc: d.yDoc, awareness: d.awareness, link, local: { id: name, name }, bookId: 'cl-book', ...(c ? { compress: c } : {}) });
    s.onDidProblem((p) => problems.push(p));
    cleanups.push(() => s.close());
    return s;
  };
  return { sa: mk(a, la, 'A', compressA), sb: mk(b, lb, 'B', compressB), la, lb, problems };
}

describe('compressed sync', () => {
  it('sends a big first sync deflated, and the other device ends with exactly the same book', async () => {
    const a = doc(10_000);
    const b = doc(0);
    const state = Y.encodeStateAsUpdate(a.yDoc).length;
    const { sa, sb, la, problems } = pair(a, b, compress, compress);
    await until(() => sa.status === 'synced' && sb.status === 'synced', 'synced');
    expect(b.book.sheet('customers').liveRowIds()).toEqual(a.book.sheet('customers').liveRowIds());
    expect(Y.encodeStateVector(b.yDoc)).toEqual(Y.encodeStateVector(a.yDoc));
    expect(la.sentBytes).toBeLessThan(state / 2);
    expect(problems).toEqual([]);
    // Live edits after it still flow, in order.
    addRows(a.book, 'customers', [{ name: 'Después' }]);
    await until(() => b.book.sheet('customers').liveRowIds().length === 10_001, 'live edit');
  });

  it('sends plainly to a device that did not say it can inflate (an older app)', async () => {
    const a = doc(3_000);
    const b = doc(0);
    const state = Y.encodeStateAsUpdate(a.yDoc).length;
    const { sa, sb, la } = pair(a, b, compress, undefined);
    await until(() => sa.status === 'synced' && sb.status === 'synced', 'synced');
    expect(la.sentBytes).toBeGreaterThan(state);
    expect(b.book.sheet('customers').liveRowIds()).toHaveLength(3_000);
  });

  it('reports a compressed message that does not inflate, keeps the book, and goes on', async () => {
    const b = doc(0);
    const [raw, lb] = createMemoryLinkPair({ maxMessage: 256 * 1024 });
    const problems: SyncProblem[] = [];
    const sb = createPeerSession({ yDoc: b.yDoc, awareness: b.awareness, link: lb, local: { id: 'B', name: 'B' }, bookId: 'cl-book', compress });
    sb.onDidProblem((p) => problems.push(p));
    cleanups.push(() => sb.close());
    // A hand-made peer: hello (saying it can inflate), then garbage marked as deflated, then a real update.
    const hello = encoding.createEncoder();
    encoding.writeVarUint(hello, PROTOCOL_VERSION);
    encoding.writeVarString(hello, 'X');
    encoding.writeVarString(hello, 'Hand-made');
    encoding.writeVarString(hello, 'cl-book');
    encoding.writeVarUint(hello, 1);
    raw.send(frameOf({ kind: 1, id: 1, payload: encoding.toUint8Array(hello) }, 0));
    raw.send(frameOf({ kind: 6, id: 2, payload: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]) }, 0));
    const source = doc(0);
    addRows(source.book, 'customers', [{ name: 'Llega después' }]);
    const upd = encoding.createEncoder();
    syncProtocol.writeUpdate(upd, Y.encodeStateAsUpdate(source.yDoc));
    raw.send(frameOf({ kind: 2, id: 3, payload: encoding.toUint8Array(upd) }, 0));
    await until(() => b.book.sheet('customers').liveRowIds().length === 1, 'the update after the bad message');
    expect(problems.map((p) => p.kind)).toEqual(['bad-update']);
    expect(sb.status).not.toBe('closed');
  });
});
