// What the storage worker does with a request (update-writer.worker.ts), kept apart from the worker's
// globals so a test can run the same writing against fake-indexeddb: open the book's database by
// name (no version: the one y-indexeddb made), add every row in ONE readwrite transaction, commit,
// settle when the transaction completed or failed.

/** One connection per database, kept between writes; closed when a tab upgrades or deletes it. */
const connections = new Map<string, Promise<IDBDatabase>>();

const open = (name: string): Promise<IDBDatabase> => {
  let db = connections.get(name);
  if (!db) {
    db = new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => {
        const d = req.result;
        d.onversionchange = () => {
          d.close();
          connections.delete(name);
        };
        d.onclose = () => connections.delete(name);
        resolve(d);
      };
      req.onerror = () => reject(req.error ?? new Error('open failed'));
      req.onblocked = () => reject(new Error('open blocked'));
    });
    connections.set(name, db);
    db.catch(() => connections.delete(name));
  }
  return db;
};

/** Adds `rows` to the 'updates' store of database `name`, all or nothing. */
export async function addUpdateRows(name: string, rows: readonly Uint8Array[]): Promise<void> {
  const db = await open(name);
  await new Promise<void>((resolve, reject) => {
    let tx: IDBTransaction;
    try {
      tx = db.transaction(['updates'], 'readwrite');
      const store = tx.objectStore('updates');
      for (const row of rows) store.add(row);
    } catch (e) {
      // No 'updates' store (the database was deleted and made again, empty), or the connection closed.
      db.close();
      connections.delete(name);
      return reject(e);
    }
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('write aborted'));
    tx.commit?.();
  });
}

/** Closes the kept connections (tests). */
export async function closeUpdateWriterConnections(): Promise<void> {
  const all = [...connections.values()];
  connections.clear();
  for (const db of all) (await db.catch(() => undefined))?.close();
}
