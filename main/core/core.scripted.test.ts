// The core against a scripted server: exact control over pages, malformed payloads and refusals.
import fs from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { conversation, created, message, SELF, snapshotPage, tempDir, upserted, removeTempDirs } from './testkit/fixtures';
import { startCore, waitFor, type TestCore } from './testkit/harness';
import { ScriptedServer } from './testkit/scriptedServer';
import { TransportError } from './sync/transport';
import type { CoreDeps } from './core';
import { workerWriter, type BatchWriterFactory } from './writer/batchWriter';
import { reason } from '../../shared/reasons';

const cores: TestCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.stop();
});

async function loggedInCore(server: ScriptedServer, dataDir = tempDir(), deps: Partial<CoreDeps> = {}): Promise<TestCore> {
  const core = await startCore('http://scripted.test', dataDir, {
    transport: server.transport,
    fetch: server.fetch,
    sync: { retry: { baseMs: 50, maxMs: 200 }, failuresBeforeReport: 3, snapshotPageSize: 1 },
    ...deps,
  });
  cores.push(core);
  if (!(await core.handlers['session.get']({}))) {
    await core.handlers['session.login']({ serverUrl: 'http://scripted.test', email: 'alex@acme.test', password: 'x' });
  }
  return core;
}

/** A server whose snapshot has two pages with one conversation each, at seq 2. */
function twoPageServer(): ScriptedServer {
  const s = new ScriptedServer();
  const c1 = conversation('c1', { seq: 1 });
  const c2 = conversation('c2', { seq: 2 });
  s.append([upserted(c1), upserted(c2)]);
  s.pages = [
    snapshotPage({ atSeq: 2, conversations: [c1], totalConversations: 2 }),
    snapshotPage({ atSeq: 2, conversations: [c2], totalConversations: 2 }),
  ];
  return s;
}

const localSeq = async (core: TestCore) => (await core.handlers['diagnostics.get']({})).localSeq;

describe('bootstrap', () => {
  it('resumes from the stored snapshot cursor after a restart', async () => {
    const server = twoPageServer();
    let releaseSecondPage = false;
    server.override['sync.snapshot'] = (b) => {
      if (b.cursor === '1' && !releaseSecondPage) throw new TransportError('internal', 'server busy');
      return snapshotPage({ ...server.pages[b.cursor === null ? 0 : 1], nextCursor: b.cursor === null ? '1' : null });
    };
    const dir = tempDir();
    const first = await loggedInCore(server, dir);
    await waitFor('the first page', async () => (await first.handlers['inbox.counts']({})).all === 1);
    // The page's rows can be read on the core's connection a moment before the writer's thread
    // answers for it, and the progress follows that answer.
    await waitFor('the first page shown as 1 of 2', () => first.connection.some((c) => c.sync?.phase === 'bootstrap' && c.sync.done === 1 && c.sync.total === 2));
    await first.stop();

    releaseSecondPage = true;
    server.calls = [];
    const second = await loggedInCore(server, dir);
    await waitFor('the cursor at the snapshot seq', async () => (await localSeq(second)) === 2);
    expect(server.requestsOf('sync.snapshot').map((b) => b.cursor)).toEqual(['1']);
    expect(server.requestsOf('sync.pull')[0]?.after).toBe(2);
    expect((await second.handlers['inbox.counts']({})).all).toBe(2);
  });
});

describe('live events and malformed payloads', () => {
  it('applies pushes in order, drops duplicates, and pulls to fill a gap', async () => {
    const server = twoPageServer();
    const core = await loggedInCore(server);
    await waitFor('bootstrap', async () => (await localSeq(core)) === 2);
    const e3 = created(message('m3', 'c1', 3));
    const e4 = created(message('m4', 'c1', 4));
    const e5 = created(message('m5', 'c1', 5));
    server.append([e3, e4, e5]);
    const pullsBefore = server.requestsOf('sync.pull').length;
    server.push([e4, e3, e3]);
    await waitFor('seq 4', async () => (await localSeq(core)) === 4);
    expect(server.requestsOf('sync.pull').length).toBe(pullsBefore);
    server.push([e3]); // a late duplicate changes nothing
    server.append([created(message('m6', 'c1', 6))]);
    server.push([server.log[5]]); // 5 was lost in transit
    await waitFor('seq 6', async () => (await localSeq(core)) === 6);
    expect(server.requestsOf('sync.pull').length).toBeGreaterThan(pullsBefore);
    const thread = await core.handlers['thread.get']({ conversationId: 'c1', limit: 50 });
    expect(thread.messages.map((m) => m.id)).toEqual(['m3', 'm4', 'm5', 'm6']);
    expect((await core.handlers['inbox.list']({ view: 'all', limit: 10 })).rows.find((r) => r.conversationId === 'c1')?.unreadCount).toBe(4);
  });

  it('never stores or skips past a malformed event, reports it, and does not retry hot', async () => {
    const server = twoPageServer();
    const core = await loggedInCore(server);
    await waitFor('bootstrap', async () => (await localSeq(core)) === 2);
    server.append([created(message('m3', 'c1', 3))]);
    server.log.push({ seq: 4, type: 'message.created', message: { id: 'bad' } });
    server.append([created(message('m5', 'c1', 5))]);
    server.push(server.log.slice(2));
    const state = await waitFor('the problem to surface', async () => {
      const c = await core.handlers['connection.get']({});
      return c.lastError ? c : undefined;
    });
    expect(state.lastError).toMatch(/could not read.*seq 4/);
    expect(state.lastErrorReason).toEqual({ code: 'syncFailed', params: {} });
    expect(await localSeq(core)) .toBe(3);
    const pulls = server.requestsOf('sync.pull').length;
    await new Promise((r) => setTimeout(r, 300));
    expect(server.requestsOf('sync.pull').length - pulls).toBeLessThan(5);
    // The server fixes the event: sync resumes and the error clears.
    server.log[3] = created(message('m4', 'c1', 4));
    await waitFor('seq 5', async () => (await localSeq(core)) === 5, 5_000);
    await waitFor('the error to clear', async () => (await core.handlers['connection.get']({})).lastError === null);
    const thread = await core.handlers['thread.get']({ conversationId: 'c1', limit: 50 });
    expect(thread.messages.map((m) => m.id)).toEqual(['m3', 'm4', 'm5']);
  });
});

/** The real worker, except that each event batch waits for the test before it is written. */
function holdingWriter() {
  const held: Array<{ seqs: number[]; release(): void; fail(): void }> = [];
  let holding = true;
  const writer: BatchWriterFactory = (files, store, log) => {
    const real = workerWriter(files, store, log);
    return {
      write: async (job) => {
        if (job.kind === 'events' && holding) {
          const seqs = job.events.map((e) => e.seq);
          await new Promise<void>((release, reject) => {
            held.push({ seqs, release, fail: () => reject(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })) });
          });
        }
        return real.write(job);
      },
      close: () => real.close(),
    };
  };
  /** Batches handed over from now on are written at once. */
  const release = () => {
    holding = false;
  };
  return { held, writer, release };
}

describe('catch-up', () => {
  it('pulls on while a batch is written, joins the pages into the next batch, and resumes from the cursor after a failed write', async () => {
    const server = twoPageServer();
    server.append(Array.from({ length: 10 }, (_, i) => created(message(`m${i + 3}`, 'c1', i + 3))));
    const { held, writer, release } = holdingWriter();
    const sync = { retry: { baseMs: 50, maxMs: 200 }, failuresBeforeReport: 3, snapshotPageSize: 1, pullLimit: 2, catchUpBatchLimit: 4 };
    const core = await loggedInCore(server, tempDir(), { writer, sync });
    const pullsAfter = () => server.requestsOf('sync.pull').map((b) => b.after);

    // While the first page is written, two more are pulled; then pulling waits (4 events wait).
    await waitFor('the first batch', () => held.length === 1);
    await waitFor('two more pages pulled', () => pullsAfter().length === 3);
    await new Promise((r) => setTimeout(r, 100));
    expect(pullsAfter()).toEqual([2, 4, 6]);
    expect(held[0]?.seqs).toEqual([3, 4]);
    expect(await localSeq(core)).toBe(2);

    held[0]?.release();
    await waitFor('the joined batch', () => held.length === 2);
    expect(held[1]?.seqs).toEqual([5, 6, 7, 8]);
    expect(await localSeq(core)).toBe(4);

    // The rest is pulled meanwhile; then the joined batch fails: nothing of it or after it is
    // written, and sync resumes at the cursor.
    await waitFor('the last pages pulled', () => pullsAfter().length === 5);
    expect(pullsAfter()).toEqual([2, 4, 6, 8, 10]);
    release();
    held[1]?.fail();
    await waitFor('caught up', async () => (await localSeq(core)) === 12);
    expect(held).toHaveLength(2);
    expect(pullsAfter().slice(5)).toEqual([4, 6, 8, 10]);
    const thread = await core.handlers['thread.get']({ conversationId: 'c1', limit: 50 });
    expect(thread.messages.map((m) => m.id)).toEqual(Array.from({ length: 10 }, (_, i) => `m${i + 3}`));
    const row = (await core.handlers['inbox.list']({ view: 'all', limit: 10 })).rows.find((r) => r.conversationId === 'c1');
    expect(row?.unreadCount).toBe(10);
  });
});

describe('checkpoints', () => {
  it('leaves them out of a catch-up\'s batches and runs one after the last, before the live batches that follow', async () => {
    const server = twoPageServer();
    server.append(Array.from({ length: 6 }, (_, i) => created(message(`m${i + 3}`, 'c1', i + 3))));
    const jobs: string[] = [];
    const writer: BatchWriterFactory = (files, store, log) => {
      const real = workerWriter(files, store, log);
      return {
        write: (job) => {
          jobs.push(job.kind === 'events' ? `${job.catchUp ? 'catch-up' : 'live'} ${job.events.map((e) => e.seq).join(',')}` : job.kind);
          return real.write(job);
        },
        close: () => real.close(),
      };
    };
    const sync = { retry: { baseMs: 50, maxMs: 200 }, failuresBeforeReport: 3, snapshotPageSize: 1, pullLimit: 2, catchUpBatchLimit: 4 };
    const core = await loggedInCore(server, tempDir(), { writer, sync });
    await waitFor('caught up', async () => (await localSeq(core)) === 8);
    const live = created(message('m9', 'c1', 9));
    server.append([live]);
    server.push([live]);
    await waitFor('the live event', async () => (await localSeq(core)) === 9);
    // The catch-up's batches (how its pages join depends on timing), then exactly one
    // checkpoint, before the live batch.
    expect(jobs.slice(0, 2)).toEqual(['snapshotPage', 'snapshotPage']);
    const catchUp = jobs.slice(2, -2);
    expect(catchUp.every((j) => j.startsWith('catch-up '))).toBe(true);
    expect(catchUp.map((j) => j.slice('catch-up '.length)).join(',')).toBe('3,4,5,6,7,8');
    expect(jobs.slice(-2)).toEqual(['checkpoint', 'live 9']);
  });
});

describe('catch-up and logout', () => {
  it('writes nothing more once logged out, not even the pages pulled while a batch was being written', async () => {
    const server = twoPageServer();
    server.append(Array.from({ length: 6 }, (_, i) => created(message(`m${i + 3}`, 'c1', i + 3))));
    const { held, writer } = holdingWriter();
    const sync = { retry: { baseMs: 50, maxMs: 200 }, failuresBeforeReport: 3, snapshotPageSize: 1, pullLimit: 2, catchUpBatchLimit: 4 };
    const core = await loggedInCore(server, tempDir(), { writer, sync });
    await waitFor('the first batch', () => held.length === 1);
    await waitFor('two more pages pulled', () => server.requestsOf('sync.pull').length === 3);
    const loggedOut = core.handlers['session.logout']({ discardUnsent: false });
    held[0]?.release();
    await loggedOut;
    await new Promise((r) => setTimeout(r, 200));
    // Every event batch passes through the holding writer: only the first reached the cache.
    expect(held).toHaveLength(1);
  });
});

describe('the writer thread', () => {
  it('closes the writer, moves the cache aside and rebuilds it when a batch meets a corrupt file', async () => {
    const server = twoPageServer();
    const dir = tempDir();
    const movedAside = () => fs.readdirSync(dir).filter((f) => f.startsWith('cache.sqlite.corrupt-'));
    const closes: string[] = [];
    let corruptOnce = true;
    // The real worker, except that the first event batch reports what SQLite says of a damaged file.
    const writer: BatchWriterFactory = (files, store, log) => {
      const real = workerWriter(files, store, log);
      return {
        write: (job) => {
          if (job.kind === 'events' && corruptOnce) {
            corruptOnce = false;
            return Promise.reject(Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' }));
          }
          return real.write(job);
        },
        close: () => {
          closes.push(movedAside().length === 0 ? 'closed before the move' : 'closed after the move');
          real.close();
        },
      };
    };
    const core = await loggedInCore(server, dir, { writer });
    await waitFor('bootstrap', async () => (await localSeq(core)) === 2);
    server.append([created(message('m3', 'c1', 3))]);
    server.push([server.log[2]]);
    await waitFor('the rebuilt cache caught up', async () => movedAside().length > 0 && (await localSeq(core)) === 3);
    expect(closes).toEqual(['closed before the move']);
    expect(core.notices.map((n) => n.kind)).toContain('cacheRecovered');
    expect((await core.handlers['thread.get']({ conversationId: 'c1', limit: 50 })).messages.map((m) => m.id)).toContain('m3');
  });
});

describe('outbox', () => {
  it('drops a workflow change the server refuses for good, undoes it and says why instead of offering a retry', async () => {
    const server = new ScriptedServer();
    const waiting = conversation('c1', { seq: 1, status: 'queued', assigneeId: null });
    server.append([upserted(waiting)]);
    server.pages = [snapshotPage({ atSeq: 1, conversations: [waiting], totalConversations: 1 })];
    let answer = () => {};
    const answered = new Promise<void>((resolve) => (answer = resolve));
    server.override['conversation.accept'] = async () => {
      await answered;
      throw new TransportError('conflict', 'Bea Schmidt already accepted this conversation', reason('alreadyAccepted', { agent: 'Bea Schmidt' }));
    };
    const core = await loggedInCore(server);
    const h = core.handlers;
    await waitFor('bootstrap', async () => (await localSeq(core)) === 1);
    await h['conversation.accept']({ conversationId: 'c1' });
    // Shown as the agent's own at once, and said to be unconfirmed until the server answers.
    expect(await h['conversation.get']({ conversationId: 'c1' })).toMatchObject({ conversation: { status: 'active', assigneeId: SELF }, acceptWaiting: true });
    answer();
    await waitFor('the refusal', async () => core.notices.some((n) => n.kind === 'changeRefused'));
    expect(core.notices.filter((n) => n.kind === 'changeRefused').map((n) => n.message)).toEqual(['Bea Schmidt already accepted this conversation.']);
    // The renderer words the refusal from its code and the winner's name, not from the English.
    expect(core.notices.find((n) => n.kind === 'changeRefused')?.reason).toEqual({ code: 'alreadyAccepted', params: { agent: 'Bea Schmidt' } });
    expect(core.notices.some((n) => n.kind === 'sendFailed')).toBe(false);
    expect(await h['outbox.list']({})).toEqual([]);
    expect(await h['conversation.get']({ conversationId: 'c1' })).toMatchObject({ conversation: { status: 'queued', assigneeId: null }, acceptWaiting: false });
  });

  it('marks a permanently rejected message failed with its reason; retry sends it, discard removes it', async () => {
    const server = twoPageServer();
    let accept = false;
    server.override['message.send'] = (b) => {
      if (!accept) throw new TransportError('forbidden', 'This conversation was transferred to another team.', reason('conversationUnavailable'));
      const m = message('srv-1', String(b.conversationId), server.head + 1, {
        clientId: String(b.clientId),
        direction: 'outbound',
        authorAgentId: SELF,
        body: String(b.body),
        status: 'sent',
      });
      server.append([created(m)]);
      return { message: m };
    };
    const core = await loggedInCore(server);
    const h = core.handlers;
    await waitFor('bootstrap', async () => (await localSeq(core)) === 2);
    const sent = await h['message.send']({ conversationId: 'c1', body: 'first' });
    const failed = await waitFor('the rejection', async () => {
      const [entry] = await h['outbox.list']({});
      return entry?.state === 'failed' ? entry : undefined;
    });
    expect(failed.error).toContain('transferred');
    // A failed message waits for the agent: unsent, but not counted as on its way.
    expect(await h['connection.get']({})).toMatchObject({ status: 'online', unsent: 1, failed: 1 });
    expect(failed.errorReason).toEqual({ code: 'conversationUnavailable', params: {} });
    expect(core.notices.find((n) => n.kind === 'sendFailed')).toMatchObject({ subject: 'message', reason: { code: 'conversationUnavailable' } });
    const row = (await h['thread.get']({ conversationId: 'c1', limit: 50 })).messages[0];
    expect(row).toMatchObject({ id: sent.id, status: 'failed', outbox: { state: 'failed', errorReason: { code: 'conversationUnavailable' } } });

    const other = await h['message.send']({ conversationId: 'c1', body: 'second' });
    await waitFor('the second rejection', async () => (await h['outbox.list']({})).every((e) => e.state === 'failed'));
    expect(await h['connection.get']({})).toMatchObject({ unsent: 2, failed: 2 });
    await h['outbox.discard']({ entryId: other.id });
    expect((await h['thread.get']({ conversationId: 'c1', limit: 50 })).messages.map((m) => m.id)).toEqual([sent.id]);

    accept = true;
    await h['outbox.retry']({ entryId: sent.id });
    await waitFor('delivery', async () => (await h['outbox.list']({})).length === 0);
    const thread = await h['thread.get']({ conversationId: 'c1', limit: 50 });
    expect(thread.messages.map((m) => [m.id, m.status])).toEqual([['srv-1', 'sent']]);
    expect(server.requestsOf('message.send').filter((b) => b.clientId === sent.id)).toHaveLength(2);
    await expect(h['outbox.retry']({ entryId: 'gone' })).rejects.toMatchObject({ code: 'notFound' });
  });

  it('restores the unread count when the server refuses a mark-read', async () => {
    const server = twoPageServer();
    server.pages[0] = snapshotPage({ ...server.pages[0], reads: [{ conversationId: 'c1', readSeq: 0, unreadCount: 2 }] });
    server.override['conversation.markRead'] = () => {
      throw new TransportError('notFound', 'Conversation not found.');
    };
    const core = await loggedInCore(server);
    const h = core.handlers;
    await waitFor('bootstrap', async () => (await localSeq(core)) === 2);
    const unread = async () =>
      (await h['inbox.list']({ view: 'all', limit: 10 })).rows.find((r) => r.conversationId === 'c1')?.unreadCount;
    expect(await unread()).toBe(2);
    await h['conversation.markRead']({ conversationId: 'c1' });
    await waitFor('the rollback', async () => (await unread()) === 2 && (await h['outbox.list']({}))[0]?.state === 'failed');
  });
});

describe('session', () => {
  it('expires the session when the server answers unauthorized mid-session', async () => {
    const server = twoPageServer();
    const core = await loggedInCore(server);
    await waitFor('bootstrap', async () => (await localSeq(core)) === 2);
    server.override['sync.pull'] = () => {
      throw new TransportError('unauthorized', 'Session revoked.');
    };
    server.append([created(message('m3', 'c1', 3)), created(message('m4', 'c1', 4))]);
    server.push([server.log[3]]); // seq 4: a gap, so the core pulls
    await waitFor('the session push', () => core.sessions.at(-1) === null);
    expect((await core.handlers['connection.get']({})).lastError).toMatch(/session has expired/);
    await expect(core.handlers['inbox.list']({ view: 'all', limit: 10 })).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});

afterAll(removeTempDirs);
