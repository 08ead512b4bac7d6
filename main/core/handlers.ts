// The IPC contract implemented over the core. Requests arrive validated (shared/ipc/dispatch.ts);
// expected failures are thrown as DeskError with a code the renderer can translate.
import type { DeskHandlers, OutboxEntryView } from '../../shared/ipc/contract';
import { DeskError } from '../../shared/ipc/result';
import { reason } from '../../shared/reasons';
import { socketRequests } from '../../shared/protocol';
import { emptySummary } from './cache/apply';
import { newestRun } from './cache/ranges';
import type { DeskCore } from './core';
import type { OutboxEntry } from './outbox/store';
import type { ContactPayload, ReadPayload } from './outbox/kinds';
import { optimisticCanned, type CannedDeletePayload, type CannedSavePayload } from './outbox/cannedKinds';
import type { CannedWithUsage } from './canned/cannedStore';
import { createTimelineHandlers } from './timelineHandlers';
import { readConversationDetail } from './conversationDetail';
import { loadSettings, updateSettings } from './settings/settingsStore';
import { searchServer } from './search/serverSearch';
import { TransportError } from './sync/transport';
import { createWorkflowHandlers } from './workflowHandlers';

const HISTORY_PAGE = 50;

const notFound = () => new DeskError('notFound', 'This conversation is not available.', reason('conversationUnavailable'));

export function createHandlers(core: DeskCore): DeskHandlers {
  const requireConversation = (conversationId: string) => {
    core.requireSession();
    if (!core.guard(() => core.store.queries.exists(conversationId))) throw notFound();
  };
  const requireEntry = (entryId: string): OutboxEntry => {
    const entry = core.guard(() => core.store.outbox.get(entryId));
    if (!entry) throw new DeskError('notFound', 'This unsent item no longer exists.');
    return entry;
  };
  const entryView = (e: OutboxEntry): OutboxEntryView => ({
    id: e.id,
    kind: e.kind,
    conversationId: e.conversationId,
    state: e.state === 'failed' ? 'failed' : core.inFlight === e.id ? 'sending' : 'waiting',
    attempts: e.attempts,
    createdAt: e.createdAt,
    error: e.error,
    errorReason: e.errorReason,
  });

  const withoutUsage = ({ uses: _uses, ...canned }: CannedWithUsage) => canned;

  return {
    'app.info': async () => ({
      version: core.config.version,
      mode: core.config.mode,
      defaultServerUrl: core.config.defaultServerUrl,
      systemLocales: [...(core.config.systemLocales ?? [])],
    }),

    'session.get': async () => core.sessionView(),
    'session.login': ({ serverUrl, email, password }) => core.login(serverUrl, email, password),
    'session.logout': ({ discardUnsent }) => core.logout(discardUnsent),

    'inbox.list': async ({ view, filter, sort, after, until, limit }) => {
      const self = core.requireSession().agent.id;
      return core.guard(() => core.store.queries.inboxPage(view, filter ?? {}, sort ?? 'latest', self, { after, until, limit }));
    },
    'inbox.counts': async () => {
      const self = core.requireSession().agent.id;
      return core.guard(() => core.store.queries.inboxCounts(self));
    },

    'conversation.get': async ({ conversationId }) => {
      const selfId = core.selfId();
      const detail = core.guard(() => readConversationDetail(core.store, conversationId, selfId));
      if (!detail) throw notFound();
      return detail;
    },

    'thread.get': async ({ conversationId, limit, beforeSeq }) => {
      requireConversation(conversationId);
      return core.guard(() => core.store.queries.thread(conversationId, limit, beforeSeq, core.inFlight));
    },

    'thread.watch': async ({ conversationId, limit }) => {
      core.watchThread(conversationId === null ? null : { conversationId, limit });
      return null;
    },

    'thread.loadOlder': async ({ conversationId }) => {
      requireConversation(conversationId);
      const run = core.guard(() => newestRun(core.store.queries.ranges(conversationId)));
      // Without any cached run the change log covers everything after the cursor.
      const beforeSeq = run ? run.from : (core.store.meta.lastSeq ?? 0) + 1;
      if (beforeSeq <= 0) return { loaded: 0, hasMore: false };
      const transport = core.requireOnline();
      let raw: unknown;
      try {
        raw = await transport.request('history.page', { conversationId, beforeSeq, limit: HISTORY_PAGE }, 15_000);
      } catch (e) {
        if (e instanceof TransportError && e.code === 'notFound') throw notFound();
        throw new DeskError('unreachable', `Older messages could not be loaded: ${e instanceof Error ? e.message : String(e)}`, reason('historyFailed'));
      }
      const parsed = socketRequests['history.page'].response.safeParse(raw);
      if (!parsed.success) {
        core.log.error('Malformed history page', { conversationId, error: parsed.error.message });
        throw new DeskError('internal', 'The server sent older messages the app could not read.', reason('historyFailed'));
      }
      const { messages, hasMore } = parsed.data;
      const page = messages.filter((m) => m.conversationId === conversationId && m.seq < beforeSeq);
      if (page.length === 0 && hasMore) return { loaded: 0, hasMore };
      const from = hasMore ? Math.min(...page.map((m) => m.seq)) : 0;
      core.guard(() => {
        const store = core.store;
        store.tx(() => {
          for (const m of page) store.applier.insertMessage(m);
          store.applier.addRange(conversationId, { from, to: run ? beforeSeq - 1 : null });
        });
      });
      const summary = emptySummary();
      summary.conversationIds.add(conversationId);
      core.changed(summary);
      // What the server returned, now cached, whoever inserted it: two loads of the same page can
      // overlap, and the one that finds the rows already there must not report "nothing older".
      return { loaded: page.length, hasMore };
    },

    ...createTimelineHandlers(core),

    'conversation.markRead': async ({ conversationId }) => {
      requireConversation(conversationId);
      const { previous, readSeq } = core.guard(() => {
        const q = core.store.queries;
        const previous = q.readState(conversationId);
        return { previous, readSeq: Math.max(previous.readSeq, q.maxMessageSeq(conversationId) ?? 0) };
      });
      // Opening a thread that is already read must not queue a mutation every time.
      if (previous.unread === 0 && readSeq <= previous.readSeq) return null;
      const payload: ReadPayload = { conversationId, readSeq, previous: { readSeq: previous.readSeq, unread: previous.unread } };
      core.enqueue('conversation.markRead', conversationId, payload);
      return null;
    },

    'connection.get': async () => core.connectionState(),
    'notices.take': async () => core.takeNotices(),

    'notifications.focus': async (focus) => {
      core.notifications.setFocus(focus);
      return null;
    },
    'notifications.texts': async (texts) => {
      core.notifications.setTexts(texts);
      return null;
    },
    'notifications.take': async () => core.takeNotifications(),
    'notifications.test': async () => {
      core.notifications.test();
      return null;
    },
    'attention.get': async () => ({ unread: core.sessionView() ? core.unread() : 0 }),
    'navigation.take': async () => core.takeNavigation(),
    'desktop.get': async () => ({ launchAtLogin: core.config.desktop?.launchAtLogin() ?? null }),
    'desktop.set': async ({ launchAtLogin }) => {
      const desktop = core.config.desktop;
      if (!desktop) throw new DeskError('rejected', 'Launch at login is available in the desktop app only.', reason('desktopOnly'));
      desktop.setLaunchAtLogin(launchAtLogin);
      return { launchAtLogin: desktop.launchAtLogin() };
    },
    'desktop.labels': async ({ labels }) => {
      core.config.desktop?.setLabels(labels);
      return null;
    },

    'outbox.list': async () => core.guard(() => core.store.outbox.list()).map(entryView),
    'outbox.retry': async ({ entryId }) => {
      core.requireSession();
      core.retryEntry(requireEntry(entryId));
      return null;
    },
    'outbox.discard': async ({ entryId }) => {
      core.discardEntry(requireEntry(entryId));
      return null;
    },

    'diagnostics.get': async () => core.diagnostics(),

    'canned.list': async () => core.guard(() => core.store.applier.canned.list(core.selfId())),
    // Canned messages change through the outbox, offline too; checks the cache can answer come
    // first, so an obvious mistake is refused at once instead of after reconnecting.
    'canned.save': async ({ canned }) => {
      const self = core.requireSession().agent.id;
      const cached = core.guard(() => core.store.applier.canned.list(self));
      const previous = canned.id === null ? null : cached.find((c) => c.id === canned.id);
      if (previous === undefined) throw new DeskError('notFound', 'This canned message is not available.', reason('cannedUnavailable'));
      if (cached.some((c) => c.shortcut === canned.shortcut && c.id !== canned.id)) {
        throw new DeskError('invalid', `The shortcut /${canned.shortcut} is already used.`, reason('shortcutTaken', { shortcut: canned.shortcut }));
      }
      const payload: CannedSavePayload = { canned, previous: previous && withoutUsage(previous) };
      return optimisticCanned(core.enqueue('canned.save', null, payload), payload, self);
    },
    'canned.delete': async ({ id }) => {
      const self = core.requireSession().agent.id;
      const previous = core.guard(() => core.store.applier.canned.list(self)).find((c) => c.id === id);
      if (!previous) throw new DeskError('notFound', 'This canned message is not available.', reason('cannedUnavailable'));
      const payload: CannedDeletePayload = { id, previous: withoutUsage(previous) };
      core.enqueue('canned.delete', null, payload);
      return null;
    },
    'canned.used': async ({ id }) => {
      core.requireSession();
      core.guard(() => core.store.applier.canned.recordUse(id, core.deps.now()));
      return null;
    },
    'contact.conversations': async ({ contactId, exceptId }) => {
      core.requireSession();
      return core.guard(() => core.store.applier.profiles.otherConversations(contactId, exceptId ?? ''));
    },
    'contact.update': async ({ contactId, change }) => {
      core.requireSession();
      if (!core.guard(() => core.store.queries.contactExists(contactId))) throw new DeskError('notFound', 'This customer is not available.', reason('contactUnavailable'));
      const payload: ContactPayload = { contactId, change };
      core.enqueue('contact.update', null, payload);
      return null;
    },
    'draft.get': async ({ conversationId }) => {
      core.requireSession();
      return core.guard(() => core.store.drafts.get(conversationId));
    },
    'draft.save': async ({ conversationId, body }) => {
      requireConversation(conversationId);
      if (core.guard(() => core.store.drafts.save(conversationId, body, core.deps.now()))) {
        const summary = emptySummary();
        summary.inbox = true;
        core.changed(summary);
      }
      return null;
    },

    'settings.get': async () => core.guard(() => loadSettings(core.store.outboxMeta)),
    'settings.update': async (patch) => core.guard(() => updateSettings(core.store.outboxMeta, patch)),
    'search.local': async ({ query, filters, limit }) => {
      core.requireSession();
      return core.guard(() => core.store.search.search(query, filters, limit));
    },
    'search.thread': async ({ conversationId, query }) => {
      requireConversation(conversationId);
      return core.guard(() => core.store.search.thread(conversationId, query));
    },
    'search.server': (request) => searchServer(core, request),
    'agents.list': async () => {
      core.requireSession();
      return core.guard(() => core.store.search.agents());
    },
    ...createWorkflowHandlers(core),
  };
}
