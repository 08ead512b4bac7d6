// The batch writer's thread: its own connection to cache + outbox, on which it runs one write job
// at a time, in the order they arrive. The main thread keeps answering IPC meanwhile; WAL lets its
// connection read while this one writes.
import { parentPort, workerData } from 'node:worker_threads';
import type { DbFiles } from '../db/open';
import { openWriterConnection } from '../db/open';
import type { Logger } from '../ports';
import { Store } from '../store';
import { runWireJob, toWire, type FromWriter, type ToWriter } from './job';

export interface WriterWorkerData {
  files: DbFiles;
  /** Set to 1 once the connection is closed; the main thread waits on it before moving the file. */
  closed: Int32Array;
}

const port = parentPort;
if (!port) throw new Error('The cache writer runs only as a worker thread.');
const { files, closed } = workerData as WriterWorkerData;
const send = (message: FromWriter) => port.postMessage(message);
const log: Logger = {
  info: (message, fields) => send({ type: 'log', level: 'info', message, ...(fields ? { fields } : {}) }),
  warn: (message, fields) => send({ type: 'log', level: 'warn', message, ...(fields ? { fields } : {}) }),
  error: (message, fields) => send({ type: 'log', level: 'error', message, ...(fields ? { fields } : {}) }),
};
function openStore(): Store {
  const db = openWriterConnection(files);
  try {
    return new Store(db, files.cacheFile, log);
  } catch (e) {
    db.close();
    throw e;
  }
}

// Opened before the first job arrives (the thread starts when a connection comes up); if that
// fails, the first job tries again and reports why.
let store: Store | null = null;
try {
  store = openStore();
} catch {
  // Reported with the first job, which opens it again.
}

port.on('message', (message: ToWriter) => {
  if (message.type === 'close') {
    try {
      // Not Store.close(): the main thread's connection outlives this one and records the clean close.
      store?.db.close();
    } finally {
      Atomics.store(closed, 0, 1);
      Atomics.notify(closed, 0);
      port.close();
    }
    return;
  }
  try {
    store ??= openStore();
    send({ type: 'done', id: message.id, result: runWireJob(store, message.job) });
  } catch (e) {
    send({ type: 'failed', id: message.id, error: toWire(e) });
  }
});
