// The core against a real backend process: login, bootstrap, live events, sending, reading,
// history paging and repeated delivery.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from './testkit/fixtures';
import { DEMO_AGENTS, DEMO_PASSWORD } from '../../shared/demo';
import type { ChangeNotice, DeskHandlers } from '../../shared/ipc/contract';
import type { SnapshotPage } from '../../shared/protocol';
import { startBackend, type Backend } from '../../testing/backend';
import { socketIoTransportWith } from './sync/transport';
import { startCore, synced, waitFor, type TestCore } from './testkit/harness';

const ALEX = DEMO_AGENTS[0];

async function expectError(p: Promise<unknown>, code: string): Promise<void> {
  await expect(p).rejects.toMatchObject({ code });
}

/** The whole snapshot as the server sees it, for comparing counts. */
async function serverSnapshot(backend: Backend, token: string): Promise<SnapshotPage> {
  return backend.request(token, 'sync.snapshot', { cursor: null, limit: 2_000, messagesPerConversation: 0 });
}

describe('core against the demo backend', () => {
  let backend: Backend;
  let core: TestCore;
  let h: DeskHandlers;
  let token: string;
  let agentId: string;
  const pulls: number[] = [];
  let dropLive = 0;

  beforeAll(async () => {
    backend = await startBackend({ seed: 'demo', carrierDelayScale: 0.01 });
    const login = await backend.login();
    token = login.token;
    agentId = login.agent.id;
    core = await startCore(backend.url, undefined, {
      // Few messages per conversation so that older history has to come from the server.
      sync: { messagesPerConversation: 3, snapshotPageSize: 100, retry: { baseMs: 100, maxMs: 1_000 } },
      // Records pulls and delivers every live push twice, the second time late and reversed.
      transport: (url, tok, listener) =>
        ((t) => ({
          get connected() {
            return t.connected;
          },
          request: (name, body, ms) => {
            if (name === 'sync.pull') pulls.push((body as { after: number }).after);
            return t.request(name, body, ms);
          },
          close: () => t.close(),
        }))(
          socketIoTransportWith({ reconnectDelayMaxMs: 500 })(url, tok, {
            ...listener,
            events: (payload) => {
              if (dropLive > 0) {
                dropLive--;
                return;
              }
              listener.events(payload);
              const events = [...((payload as { events: unknown[] }).events ?? [])].reverse();
              setTimeout(() => listener.events({ events }), 20);
            },
          }),
        ),
    });
    h = core.handlers;
  }, 60_000);

  afterAll(async () => {
    await core?.stop();
    await backend?.stop();
  });

  it('rejects a wrong password and an unreachable server in plain words', async () => {
    await expectError(h['session.login']({ serverUrl: backend.url, email: ALEX.email, password: 'nope' }), 'badCredentials');
    await expect(
      h['session.login']({ serverUrl: 'http://127.0.0.1:9', email: ALEX.email, password: DEMO_PASSWORD }),
    ).rejects.toMatchObject({ code: 'unreachable', message: expect.stringContaining('http://127.0.0.1:9') });
    await expectError(h['inbox.list']({ view: 'all', limit: 50 }), 'unauthenticated');
  });

  it('logs in, bootstraps with progress, and matches the server counts', async () => {
    const session = await h['session.login']({ serverUrl: backend.url, email: ALEX.email, password: DEMO_PASSWORD });
    expect(session.agent.email).toBe(ALEX.email);
    expect(core.sessions.at(-1)).toEqual(session);
    await synced(core);
    expect(core.connection.some((c) => c.sync?.phase === 'bootstrap' && c.sync.total > 0)).toBe(true);

    const snap = await serverSnapshot(backend, token);
    const open = snap.conversations.filter((c) => c.status !== 'resolved' && c.status !== 'abandoned');
    const counts = await h['inbox.counts']({});
    expect(counts).toEqual({
      all: open.length,
      queued: open.filter((c) => c.status === 'queued').length,
      mine: open.filter((c) => c.assigneeId === agentId).length,
      attention: open.filter((c) => c.waitingSince !== null).length,
      pending: open.filter((c) => c.status === 'pending').length,
      resolved: snap.conversations.length - open.length,
    });
    expect(counts.all).toBeGreaterThan(0);
    const page = await h['inbox.list']({ view: 'all', limit: 50 });
    expect(page.total).toBe(counts.all);
    const times = page.rows.map((r) => r.lastMessageAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const diag = await h['diagnostics.get']({});
    expect(diag.cachedConversations).toBe(snap.conversations.length);
    expect(diag.cacheFile).toContain('cache.sqlite');
  });

  it('answers notFound for an unknown conversation', async () => {
    await expectError(h['conversation.get']({ conversationId: 'nope' }), 'notFound');
    await expectError(h['thread.get']({ conversationId: 'nope', limit: 50 }), 'notFound');
    await expectError(h['message.send']({ conversationId: 'nope', body: 'hi' }), 'notFound');
  });

  it('loads older history into a contiguous thread that matches the server', async () => {
    const { rows } = await h['inbox.list']({ view: 'all', limit: 100 });
    let target: string | null = null;
    for (const r of rows) {
      const t = await h['thread.get']({ conversationId: r.conversationId, limit: 50 });
      if (t.hasOlder && t.messages.length === 3 && (await backend.history(token, r.conversationId)).length > 3) {
        target = r.conversationId;
        break;
      }
    }
    if (!target) throw new Error('no conversation with older history in the demo data');
    // Two loads of the same page at once (the thread's page load and a refetch): both report what
    // the page held, also the one that found the rows already inserted by the other.
    const [first, second] = await Promise.all([h['thread.loadOlder']({ conversationId: target }), h['thread.loadOlder']({ conversationId: target })]);
    expect(first.loaded).toBeGreaterThan(0);
    expect(second.loaded).toBe(first.loaded);
    for (let r = first; r.hasMore; ) r = await h['thread.loadOlder']({ conversationId: target });
    const thread = await h['thread.get']({ conversationId: target, limit: 500 });
    expect(thread.hasOlder).toBe(false);
    const server = await backend.history(token, target);
    expect(thread.messages.map((m) => m.id)).toEqual(server.map((m) => m.id));
  });

  it('shows a live inbound message at the top with one more unread, despite repeated delivery', async () => {
    const { rows } = await h['inbox.list']({ view: 'all', limit: 500 });
    const last = rows.at(-1);
    if (!last) throw new Error('empty inbox');
    const detail = await h['conversation.get']({ conversationId: last.conversationId });
    const phone = detail.contact.phone;
    if (!phone) throw new Error('contact without phone');
    const answer = await backend.webhook('sms', { externalId: `it-${Date.now()}`, from: phone, text: 'Is my parcel on its way?' });
    const { conversationId } = answer.json as { conversationId: string };
    const before = rows.find((r) => r.conversationId === conversationId)?.unreadCount ?? 0;
    const top = await waitFor('the conversation at the top', async () => {
      const first = (await h['inbox.list']({ view: 'all', limit: 1 })).rows[0];
      return first?.conversationId === conversationId && first.preview.includes('parcel') ? first : undefined;
    });
    await synced(core);
    await new Promise((r) => setTimeout(r, 100)); // let the late duplicates arrive
    const again = (await h['inbox.list']({ view: 'all', limit: 1 })).rows[0];
    expect(again?.unreadCount).toBe(before + 1);
    expect(top.unreadCount).toBe(before + 1);
    const thread = await h['thread.get']({ conversationId, limit: 50 });
    expect(thread.messages.filter((m) => m.body === 'Is my parcel on its way?')).toHaveLength(1);
  });

  it('carries the watched thread, as thread.get and conversation.get answer it, with the notices that concern it', async () => {
    const { rows } = await h['inbox.list']({ view: 'all', limit: 2 });
    const [watched, other] = rows.map((r) => r.conversationId);
    if (!watched || !other) throw new Error('fewer than two conversations');
    const phoneOf = async (conversationId: string) => (await h['conversation.get']({ conversationId })).contact.phone ?? '';
    const notices: ChangeNotice[] = [];
    const off = core.on('changed', (notice) => notices.push(notice));
    try {
      await h['thread.watch']({ conversationId: watched, limit: 5 });
      const writes = async (conversationId: string, text: string) => {
        await backend.webhook('sms', { externalId: `watch-${Date.now()}-${text}`, from: await phoneOf(conversationId), text });
        return waitFor(`the notice for "${text}"`, () => notices.find((n) => n.conversationIds.includes(conversationId) && (!n.open || n.open.page.messages.some((m) => m.body === text))));
      };

      const mine = await writes(watched, 'Watched: where is my refund?');
      await synced(core);
      expect(mine.open?.conversationId).toBe(watched);
      expect(mine.open?.limit).toBe(5);
      expect(mine.open?.page.messages.at(-1)?.body).toBe('Watched: where is my refund?');
      // Read after the change: once nothing changes any more, the last one is what the window
      // would get by asking.
      await new Promise((r) => setTimeout(r, 100)); // let the late duplicates arrive
      const last = notices.filter((n) => n.open).at(-1)?.open;
      expect(last?.page).toEqual(await h['thread.get']({ conversationId: watched, limit: 5 }));
      expect(last?.detail).toEqual(await h['conversation.get']({ conversationId: watched }));

      const elsewhere = await writes(other, 'Elsewhere: hello?');
      expect(elsewhere.conversationIds).not.toContain(watched);
      expect(elsewhere.open).toBeUndefined();

      await h['thread.watch']({ conversationId: null, limit: 50 });
      const unwatched = await writes(watched, 'Unwatched: anyone?');
      expect(unwatched.open).toBeUndefined();
    } finally {
      off();
      await h['thread.watch']({ conversationId: null, limit: 50 });
    }
  });

  it('sends a message: pending at once, then the echo replaces it and it is delivered and read', async () => {
    const conversationId = (await h['inbox.list']({ view: 'all', limit: 1 })).rows[0]?.conversationId;
    if (!conversationId) throw new Error('empty inbox');
    const sent = await h['message.send']({ conversationId, body: 'It left our warehouse today.' });
    expect(sent).toMatchObject({ status: 'pending', clientId: sent.id, direction: 'outbound' });
    expect(sent.outbox?.entryId).toBe(sent.id);
    const final = await waitFor(
      'the message to be read',
      async () => {
        const t = await h['thread.get']({ conversationId, limit: 50 });
        const mine = t.messages.filter((m) => m.clientId === sent.id);
        return mine.length === 1 && mine[0]?.status === 'read' ? mine[0] : undefined;
      },
      20_000,
    );
    expect(final.id).not.toBe(sent.id);
    expect(final.outbox).toBeNull();
    expect(await h['outbox.list']({})).toEqual([]);
    const server = await backend.history(token, conversationId);
    expect(server.filter((m) => m.clientId === sent.id)).toHaveLength(1);
    const row = (await h['inbox.list']({ view: 'all', limit: 1 })).rows[0];
    expect(row?.previewFromAgent).toBe(true);
  });

  it('marks a conversation read at once and on the server', async () => {
    const { rows } = await h['inbox.list']({ view: 'all', limit: 500 });
    const unread = rows.find((r) => r.unreadCount > 0);
    if (!unread) throw new Error('no unread conversation');
    await h['conversation.markRead']({ conversationId: unread.conversationId });
    const now = (await h['inbox.list']({ view: 'all', limit: 500 })).rows.find(
      (r) => r.conversationId === unread.conversationId,
    );
    expect(now?.unreadCount).toBe(0);
    await waitFor('the outbox to drain', async () => (await h['outbox.list']({})).length === 0);
    const snap = await serverSnapshot(backend, token);
    expect(snap.reads.find((r) => r.conversationId === unread.conversationId)?.unreadCount).toBe(0);
  });

  it('fills a gap in live events with a pull', async () => {
    await synced(core);
    const { localSeq } = await h['diagnostics.get']({});
    const pullsBefore = pulls.length;
    // The first change's push is lost; the second reveals the gap.
    dropLive = 1;
    await backend.webhook('email', { externalId: `gap-a-${Date.now()}`, from: 'gap@example.test', text: 'first' });
    await waitFor('the lost push', () => dropLive === 0);
    await backend.webhook('email', { externalId: `gap-b-${Date.now()}`, from: 'gap@example.test', text: 'second' });
    await synced(core);
    const after = await h['diagnostics.get']({});
    expect(after.localSeq).toBeGreaterThan(localSeq);
    // Out-of-order duplicates do not leave the cursor behind or duplicate rows.
    const first = (await h['inbox.list']({ view: 'all', limit: 1 })).rows[0];
    const thread = await h['thread.get']({ conversationId: first?.conversationId ?? '', limit: 50 });
    expect(thread.messages.map((m) => m.body).filter((b) => b === 'first' || b === 'second')).toEqual(['first', 'second']);
    expect(pulls.length).toBeGreaterThan(pullsBefore);
  });
});

afterAll(removeTempDirs);
