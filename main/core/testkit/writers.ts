// Writers over a fresh store each, for the writer's tests. Call `writerTestbed` at a test file's top
// level: it closes every writer and store after each test and removes the directories at the end.
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';
import type { Store } from '../store';
import type { BatchWriter, BatchWriterFactory } from '../writer/batchWriter';
import { openStore, quietLog, removeTempDirs, tempDir } from './fixtures';

export function writerTestbed(): (factory: BatchWriterFactory) => { store: Store; writer: BatchWriter } {
  const open: { store: Store; writer: BatchWriter }[] = [];
  afterEach(() => {
    for (const { store, writer } of open.splice(0)) {
      writer.close();
      store.close();
    }
  });
  afterAll(removeTempDirs);
  return (factory) => {
    const dir = tempDir();
    const store = openStore(dir);
    const writer = factory({ cacheFile: store.cacheFile, outboxFile: path.join(dir, 'outbox.sqlite') }, store, quietLog);
    open.push({ store, writer });
    return { store, writer };
  };
}
