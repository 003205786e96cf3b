// A small note, kept outside IndexedDB, that this device has a customer book with rows: in
// localStorage and, as a second copy, in the Cache Storage. When the browser deletes the site's
// IndexedDB (Safari's 7-day eviction, "clear site data", storage pressure) but leaves one of these,
// the next start can say plainly that the book is gone instead of showing an empty one.
// A full clear of everything leaves no note: the app then starts like a new install.

export type BookMarker = { readonly rows: number; readonly at: number; readonly lastBackupAt?: number };

const LOCAL_KEY = 'clientela.bookMarker';
const CACHE_NAME = 'clientela-marker';
const CACHE_URL = '/__clientela/book-marker.json';

function parse(text: string | null | undefined): BookMarker | undefined {
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as Partial<BookMarker>;
    return typeof v.rows === 'number' && typeof v.at === 'number' ? (v as BookMarker) : undefined;
  } catch {
    return undefined;
  }
}

const storage = (): Storage | undefined => {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
};

const cacheStorage = (): CacheStorage | undefined => (typeof caches === 'undefined' ? undefined : caches);

/** Cache Storage can be slow while a service worker installs; the check must not wait on it for long. */
const within = <T,>(p: Promise<T>, ms: number): Promise<T | undefined> =>
  Promise.race([p, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms))]);

export async function readMarker(): Promise<BookMarker | undefined> {
  const local = parse(storage()?.getItem(LOCAL_KEY));
  if (local) return local;
  try {
    // `has` first: `open` would create the cache.
    const cs = cacheStorage();
    if (!cs || !(await within(cs.has(CACHE_NAME), 2000))) return undefined;
    const res = await within(cs.open(CACHE_NAME).then((c) => c.match(CACHE_URL)), 2000);
    return parse(res ? await res.text() : undefined);
  } catch {
    return undefined;
  }
}

export async function writeMarker(marker: BookMarker): Promise<void> {
  const text = JSON.stringify(marker);
  try {
    storage()?.setItem(LOCAL_KEY, text);
  } catch {
    // A full or blocked localStorage: the cache copy may still work.
  }
  try {
    const cache = await cacheStorage()?.open(CACHE_NAME);
    await cache?.put(CACHE_URL, new Response(text, { headers: { 'Content-Type': 'application/json' } }));
  } catch {
    // Cache Storage exists only in secure contexts.
  }
}

export async function clearMarker(): Promise<void> {
  try {
    storage()?.removeItem(LOCAL_KEY);
  } catch {
    // ignore
  }
  try {
    await cacheStorage()?.delete(CACHE_NAME);
  } catch {
    // ignore
  }
}
