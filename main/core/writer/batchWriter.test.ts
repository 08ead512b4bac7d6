import { describe, expect, it, vi } from 'vitest';
import { CACHE_KIB, CATCH_UP_CACHE_KIB, closeDatabase, openMarkerOf, WAL_CHECKPOINT_LATER_PAGES, WAL_CHECKPOINT_PAGES } from '../db/open';
import { contact, conversation, created, message, SELF, snapshotPage, upserted } from '../testkit/fixtures';
import { inThreadWriter, workerWriter } from './batchWriter';
import { jobToWire, runWireJob, runWriteJob, type WriteJob } from './job';
import type { ChangeEvent } from '../../../shared/protocol';
import { EventBatchText } from '../cache/eventBatch';
import { MalformedPayloadError } from '../sync/parse';
import { smallBatchesInThread } from './smallBatches';
import { writerTestbed } from '../testkit/writers';
import fs from 'node:fs';

const openWith = writerTestbed();

const firstPage: WriteJob = {
  kind: 'snapshotPage',
  raw: snapshotPage({
    atSeq: 10,
    conversations: [conversation('c1', { seq: 3 }), conversation('c2', { seq: 4 })],
    contacts: [contact('k-c1'), contact('k-c2')],
    messages: [message('m1', 'c1', 2), message('m2', 'c2', 4)],
    totalConversations: 2,
  }),
  state: { cursor: null, atSeq: null, done: 0, total: 0, wipe: false },
  messagesPerConversation: 50,
  selfId: SELF,
};
const events: WriteJob = {
  kind: 'events',
  events: [upserted(conversation('c1', { seq: 11, status: 'resolved' })), created(message('m3', 'c2', 12))],
  selfId: SELF,
};

describe.each([
  ['worker thread', workerWriter],
  ['in-thread', inThreadWriter],
  ['small batches in thread, the rest on the worker thread', smallBatchesInThread(workerWriter)],
])('the %s batch writer', (_name, factory) => {
  it('writes snapshot pages and event batches that the main connection then reads, with what they touched', async () => {
    const { store, writer } = openWith(factory);
    const page = await writer.write(firstPage);
    expect(page.summary.inbox).toBe(true);
    expect([...page.summary.conversationIds].sort()).toEqual(['c1', 'c2']);
    expect(page.snapshot).toEqual({ cursor: null, atSeq: 10, done: 2, total: 2, wipe: false });
    expect(store.meta.lastSeq).toBe(10);
    const batch = await writer.write(events);
    expect([...batch.summary.conversationIds].sort()).toEqual(['c1', 'c2']);
    expect(batch.snapshot).toBeNull();
    expect(store.meta.lastSeq).toBe(12);
    expect(store.queries.cachedCounts()).toMatchObject({ conversations: 2, messages: 3 });
  });

  it('writes a batch joined from pages as sent, each conversation at its newest version, once started ahead of it', async () => {
    const { store, writer } = openWith(factory);
    writer.warm?.();
    await writer.write(firstPage);
    const pages: ChangeEvent[][] = [
      [upserted(conversation('c1', { seq: 11, status: 'pending' })), upserted(conversation('c1', { seq: 12, status: 'resolved' }))],
      [{ seq: 13, type: 'conversation.upserted', conversation: conversation('c1', { seq: 11, status: 'queued' }) }, created(message('m3', 'c1', 14))],
    ];
    const text = new EventBatchText();
    for (const page of pages) text.add(page);
    const result = await writer.write({ kind: 'events', events: pages.flat(), selfId: SELF, text: text.text() });
    expect([...result.summary.conversationIds]).toEqual(['c1']);
    expect(store.meta.lastSeq).toBe(14);
    expect(store.queries.detail('c1')?.conversation).toMatchObject({ status: 'resolved', seq: 12 });
    expect(store.queries.cachedCounts().messages).toBe(3);
  });

  it('leaves a catch-up batch in the WAL and copies it into the file with the checkpoint job after it', async () => {
    const { store, writer } = openWith(factory);
    await writer.write(firstPage);
    // The file holds everything so far: what follows is in the WAL alone until a checkpoint.
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    const file = () => fs.readFileSync(store.cacheFile);
    const before = file();
    await writer.write({ ...events, catchUp: true });
    expect(file().equals(before)).toBe(true);
    await writer.write({ kind: 'checkpoint' });
    expect(file().equals(before)).toBe(false);
    expect(store.meta.lastSeq).toBe(12);
  });

  it('closes a writer started ahead that was never given a job', () => {
    const { writer } = openWith(factory);
    writer.warm?.();
    writer.close();
  });

  it('runs jobs in the order they were given', async () => {
    const { store, writer } = openWith(factory);
    const later = { ...events, events: [upserted(conversation('c1', { seq: 13, status: 'pending' }))] } satisfies WriteJob;
    await Promise.all([writer.write(firstPage), writer.write(events), writer.write(later)]);
    expect(store.meta.lastSeq).toBe(13);
  });

  it('fails a job without writing any of it, keeping the SQLite error code', async () => {
    const { store, writer } = openWith(factory);
    await writer.write(firstPage);
    // A trigger refuses the second message: the batch fails halfway through its transaction.
    store.db.exec("CREATE TRIGGER refuse BEFORE INSERT ON messages WHEN NEW.id = 'bad' BEGIN SELECT RAISE(ABORT, 'refused'); END");
    const bad: WriteJob = { kind: 'events', events: [created(message('ok', 'c1', 11)), created(message('bad', 'c1', 12))], selfId: SELF };
    await expect(writer.write(bad)).rejects.toMatchObject({ message: 'refused', code: 'SQLITE_CONSTRAINT_TRIGGER' });
    expect(store.meta.lastSeq).toBe(10);
    expect(store.queries.cachedCounts().messages).toBe(2);
  });

  it('validates a snapshot page before writing it and refuses a malformed one as such', async () => {
    const { store, writer } = openWith(factory);
    const malformed = { ...firstPage, raw: { ...(firstPage as { raw: object }).raw, conversations: [{ id: 42 }] } } satisfies WriteJob;
    const failure = writer.write(malformed);
    await expect(failure).rejects.toBeInstanceOf(MalformedPayloadError);
    await expect(failure).rejects.toThrow('The server sent a snapshot page the app could not read: conversations.0');
    expect(store.meta.lastSeq).toBeNull();
    expect(store.queries.cachedCounts().conversations).toBe(0);
  });

  it('lets the main connection write while a batch is being written, and refuses jobs once closed', async () => {
    const { store, writer } = openWith(factory);
    const pending = writer.write(firstPage);
    store.tx(() => store.meta.set('probe', 'main'));
    await pending;
    expect(store.meta.get('probe')).toBe('main');
    writer.close();
    await expect(writer.write(events)).rejects.toThrow('closed');
    // The writer's connection never touches the marker of the main connection's clean close.
    expect(fs.existsSync(openMarkerOf(store.cacheFile))).toBe(true);
    closeDatabase(store.db, store.cacheFile);
    expect(fs.existsSync(openMarkerOf(store.cacheFile))).toBe(false);
  });
});

describe('the writer\'s checkpoints and page cache', () => {
  it('a catch-up\'s batches leave checkpoints for the job after them and get a larger page cache; every other job does not', () => {
    const { store } = openWith(inThreadWriter);
    const inCommits = () => store.db.pragma('wal_autocheckpoint', { simple: true });
    const cacheKib = () => -(store.db.pragma('cache_size', { simple: true }) as number);
    const catchUp = [WAL_CHECKPOINT_LATER_PAGES, CATCH_UP_CACHE_KIB];
    const otherwise = [WAL_CHECKPOINT_PAGES, CACHE_KIB];
    runWireJob(store, jobToWire({ ...events, catchUp: true }));
    expect([inCommits(), cacheKib()]).toEqual(catchUp);
    runWireJob(store, jobToWire(events));
    expect([inCommits(), cacheKib()]).toEqual(otherwise);
    runWriteJob(store, { ...events, catchUp: true });
    expect([inCommits(), cacheKib()]).toEqual(catchUp);
    runWriteJob(store, { kind: 'checkpoint' });
    expect([inCommits(), cacheKib()]).toEqual(otherwise);
    runWriteJob(store, { ...events, catchUp: true });
    runWriteJob(store, firstPage);
    expect([inCommits(), cacheKib()]).toEqual(otherwise);
  });

  it('sets them only when a job needs them changed', () => {
    const { store } = openWith(inThreadWriter);
    const pragma = vi.spyOn(store.db, 'pragma');
    const set = () => pragma.mock.calls.filter(([sql]) => /wal_autocheckpoint|cache_size/.test(String(sql))).length;
    runWriteJob(store, events);
    runWriteJob(store, events);
    expect(set()).toBe(0);
    runWriteJob(store, { ...events, catchUp: true });
    runWriteJob(store, { ...events, catchUp: true });
    expect(set()).toBe(2);
    runWriteJob(store, events);
    runWriteJob(store, events);
    expect(set()).toBe(4);
  });
});
