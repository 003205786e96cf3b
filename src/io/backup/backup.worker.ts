// The backup writer's worker: receives the book's tables column by column and the state, then
// builds the readable .xlsx copy (SheetJS, ~15 s for a book of 550k rows), checks the state, zips
// and, with a passphrase, encrypts, so the page stays usable while a big book is saved. One worker
// per save, ended by the page when the bytes have arrived (backup-writer.ts).

import { makeBackupReceiver, type BackupWorkerReply, type BackupWorkerRequest } from './backup-writer';

type WorkerScope = {
  onmessage: ((e: MessageEvent<BackupWorkerRequest>) => void) | null;
  postMessage(msg: BackupWorkerReply, transfer?: Transferable[]): void;
};
const scope = self as unknown as WorkerScope;
const receive = makeBackupReceiver((msg, transfer) => scope.postMessage(msg, transfer ?? []));
scope.onmessage = (e) => receive(e.data);
