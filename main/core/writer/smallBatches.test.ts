import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../../shared/protocol';
import { conversation, created, message, quietLog, SELF } from '../testkit/fixtures';
import { inThreadWriter, workerWriter, type BatchWriterFactory } from './batchWriter';
import type { WriteJob, WriteResult } from './job';
import { writerTestbed } from '../testkit/writers';
import { SMALL_BATCH_EVENTS, smallBatchesInThread } from './smallBatches';

/** A writer that records the jobs it is given and finishes each only when told to. */
function heldWriter(given: WriteJob[], seen: (job: WriteJob) => void = () => undefined) {
  const release: Array<() => void> = [];
  let closed = false;
  const factory: BatchWriterFactory = (files, store, log) => {
    const real = inThreadWriter(files, store, log);
    return {
      write(job) {
        given.push(job);
        seen(job);
        return new Promise<WriteResult>((resolve, reject) => release.push(() => real.write(job).then(resolve, reject)));
      },
      close: () => void (closed = true),
    };
  };
  return { factory, release: () => release.shift()?.(), closed: () => closed };
}

const openWith = writerTestbed();

/** A customer's message as the server sends it: the message and its conversation's new version. */
const messages = (from: number, count: number): ChangeEvent[] =>
  Array.from({ length: count }, (_, i) => [
    created(message(`m${from + i}`, 'c1', 2 * (from + i) - 1)),
    { ...upserted(2 * (from + i)), conversation: conversation('c1', { seq: 2 * (from + i), lastMessageAt: from + i }) },
  ]).flat();
const upserted = (seq: number): ChangeEvent => ({ seq, type: 'conversation.upserted', conversation: conversation('c1', { seq }) });
const batch = (events: ChangeEvent[]): WriteJob => ({ kind: 'events', events, selfId: SELF });

describe('small batches on the core thread', () => {
  it('writes a batch of up to the limit on the store, and larger ones and snapshot pages on the writer it wraps', async () => {
    const given: WriteJob[] = [];
    const held = heldWriter(given);
    const { store, writer } = openWith(smallBatchesInThread(held.factory, 4));
    const small = await writer.write(batch(messages(1, 2)));
    expect(given).toEqual([]);
    expect([...small.summary.conversationIds]).toEqual(['c1']);
    expect(store.meta.lastSeq).toBe(4);
    expect(store.queries.cachedCounts().messages).toBe(2);

    const large = writer.write(batch(messages(3, 3)));
    await Promise.resolve();
    expect(given).toHaveLength(1);
    held.release();
    await large;
    expect(store.meta.lastSeq).toBe(10);
    expect(store.queries.cachedCounts().messages).toBe(5);
  });

  it('keeps the order the jobs were given in: a small batch waits for a large one in progress, and the next large one for it', async () => {
    const given: WriteJob[] = [];
    const lastSeqWhenGiven: Array<number | null> = [];
    const held = heldWriter(given, () => lastSeqWhenGiven.push(store.meta.lastSeq));
    const { store, writer } = openWith(smallBatchesInThread(held.factory, 2));
    const first = writer.write(batch(messages(1, 2)));
    const second = writer.write(batch(messages(3, 1)));
    const third = writer.write(batch(messages(4, 2)));
    await new Promise((resolve) => setImmediate(resolve));
    // The small batch has not been written before the large one ahead of it.
    expect(store.meta.lastSeq).toBeNull();
    expect(given).toHaveLength(1);
    held.release();
    await second;
    expect(store.meta.lastSeq).toBe(6);
    // The third was handed over only after the small one before it was written.
    await new Promise((resolve) => setImmediate(resolve));
    expect(given).toHaveLength(2);
    expect(lastSeqWhenGiven).toEqual([null, 6]);
    held.release();
    await Promise.all([first, third]);
    expect(store.meta.lastSeq).toBe(10);
  });

  it('fails a small batch without writing any of it, and goes on with the next', async () => {
    const { store, writer } = openWith(smallBatchesInThread(workerWriter));
    await writer.write(batch(messages(1, 1)));
    store.db.exec("CREATE TRIGGER refuse BEFORE INSERT ON messages WHEN NEW.id = 'm3' BEGIN SELECT RAISE(ABORT, 'refused'); END");
    await expect(writer.write(batch(messages(2, 2)))).rejects.toMatchObject({ message: 'refused', code: 'SQLITE_CONSTRAINT_TRIGGER' });
    expect(store.meta.lastSeq).toBe(2);
    store.db.exec('DROP TRIGGER refuse');
    await writer.write(batch(messages(2, 2)));
    expect(store.meta.lastSeq).toBe(6);
    expect(store.queries.cachedCounts().messages).toBe(3);
  });

  it('has the writer it wraps checkpoint every so many events written here: beside the small batches, then in their order', async () => {
    const given: WriteJob[] = [];
    const held = heldWriter(given);
    const { store, writer } = openWith(smallBatchesInThread(held.factory, 4, 6));
    await writer.write(batch(messages(1, 2)));
    expect(given).toEqual([]);
    await writer.write(batch(messages(3, 1)));
    expect(given).toEqual([{ kind: 'checkpoint' }]);
    // The first checkpoint runs beside the batches written here.
    await writer.write(batch(messages(4, 1)));
    expect(store.meta.lastSeq).toBe(8);
    held.release();
    await new Promise((resolve) => setImmediate(resolve));
    expect(given).toEqual([{ kind: 'checkpoint' }, { kind: 'checkpoint' }]);
    // The second in their order: a batch given now waits for it.
    const next = writer.write(batch(messages(5, 1)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.meta.lastSeq).toBe(8);
    held.release();
    await next;
    expect(store.meta.lastSeq).toBe(10);
    expect(given).toHaveLength(2);
  });

  it('keeps the WAL small under a stream of small batches: the writer\'s thread checkpoints it and it starts over', async () => {
    const walBytesAfter = async (checkpointEvery: number) => {
      const { store, writer } = openWith(smallBatchesInThread(workerWriter, SMALL_BATCH_EVENTS, checkpointEvery));
      // The thread is up before the stream starts, as it is once the core has connected.
      await writer.write({ kind: 'checkpoint' });
      for (let i = 1; i <= 1_000; i++) {
        await writer.write(batch(messages(i, 1)));
        // Each batch arrives in a turn of the event loop of its own, as live traffic does.
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(store.queries.cachedCounts().messages).toBe(1_000);
      return fs.statSync(`${store.cacheFile}-wal`).size;
    };
    const never = await walBytesAfter(Infinity);
    const every100 = await walBytesAfter(100);
    expect(every100).toBeLessThan(never / 4);
  });

  it('logs a checkpoint that failed and goes on writing', async () => {
    const warnings: string[] = [];
    const failing: BatchWriterFactory = (files, store, log) => {
      const real = inThreadWriter(files, store, log);
      return { ...real, write: (job) => (job.kind === 'checkpoint' ? Promise.reject(new Error('disk I/O error')) : real.write(job)) };
    };
    const { store } = openWith(inThreadWriter);
    const log = { ...quietLog, warn: (message: string, fields?: Record<string, unknown>) => void warnings.push(`${message} ${JSON.stringify(fields)}`) };
    const writer = smallBatchesInThread(failing, 4, 2)({ cacheFile: store.cacheFile, outboxFile: `${store.cacheFile}.outbox` }, store, log);
    await writer.write(batch(messages(1, 1)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings).toEqual(['Checkpoint beside live batches failed {"error":"Error: disk I/O error"}']);
    await writer.write(batch(messages(2, 1)));
    expect(store.meta.lastSeq).toBe(4);
    writer.close();
  });

  it('closes the writer it wraps and refuses jobs once closed, also those given before that had to wait', async () => {
    const held = heldWriter([]);
    const { writer } = openWith(smallBatchesInThread(held.factory, 2));
    const large = writer.write(batch(messages(1, 2)));
    const waiting = writer.write(batch(messages(3, 1)));
    writer.close();
    expect(held.closed()).toBe(true);
    held.release();
    await large;
    await expect(waiting).rejects.toThrow('closed');
    await expect(writer.write(batch(messages(4, 1)))).rejects.toThrow('closed');
  });
});
