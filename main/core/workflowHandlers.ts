// The workflow part of the IPC contract: each action checks what the cache knows (so an obviously
// impossible action fails at once, in words), computes its optimistic patch, and goes through the
// outbox. The server has the last word: a refusal rolls the patch back and becomes a notice.
import type { Conversation } from '../../shared/domain';
import type { DeskHandlers } from '../../shared/ipc/contract';
import { DeskError } from '../../shared/ipc/result';
import { reason } from '../../shared/reasons';
import { socketRequests } from '../../shared/protocol';
import { nextStatus, type WorkflowAction } from '../../shared/workflow/transitions';
import type { DeskCore } from './core';
import type { StartPayload } from './outbox/startKind';
import type { AgentStatusPayload, ConversationPatch, PatchKindName, PatchPayload, PinPayload } from './outbox/workflowKinds';

type WorkflowMethods =
  | 'team.get'
  | 'conversation.accept'
  | 'conversation.transfer'
  | 'conversation.resolve'
  | 'conversation.reopen'
  | 'conversation.setStatus'
  | 'conversation.tag'
  | 'conversation.pin'
  | 'agent.setStatus'
  | 'contacts.search'
  | 'conversation.start';

const SEARCH_TIMEOUT_MS = 5_000;

export function createWorkflowHandlers(core: DeskCore): Pick<DeskHandlers, WorkflowMethods> {
  const current = (conversationId: string): Conversation => {
    core.requireSession();
    const detail = core.guard(() => core.store.queries.detail(conversationId));
    if (!detail) throw new DeskError('notFound', 'This conversation is not available.', reason('conversationUnavailable'));
    return detail.conversation;
  };
  const transition = (c: Conversation, action: WorkflowAction) => {
    const next = nextStatus(c.status, action);
    if (next === null) throw new DeskError('rejected', `This conversation is ${c.status}; that is not possible now.`, reason('statusForbids', { status: c.status }));
    return next;
  };
  const previousOf = (c: Conversation, patch: ConversationPatch): ConversationPatch => {
    const row: Required<ConversationPatch> = {
      status: c.status,
      assignee_id: c.assigneeId,
      queue_id: c.queueId,
      tags: c.tags,
      labels: c.labels,
      closure_reason: c.closureReason,
    };
    return Object.fromEntries(Object.keys(patch).map((k) => [k, row[k as keyof ConversationPatch]]));
  };
  const enqueuePatch = (kind: PatchKindName, c: Conversation, request: Record<string, unknown>, patch: ConversationPatch) => {
    const payload: PatchPayload = { conversationId: c.id, request, baseSeq: c.seq, patch, previous: previousOf(c, patch) };
    core.enqueue(kind, c.id, payload);
    return null;
  };
  const self = () => core.requireSession().agent.id;

  return {
    'team.get': async () => {
      core.requireSession();
      return core.guard(() => {
        const q = core.store.queries;
        const settings = core.store.meta.workflow;
        const predefined = settings?.tags ?? [];
        const used = q.usedTags().filter((t) => !predefined.some((p) => p.toLowerCase() === t.toLowerCase()));
        return { agents: q.agents(), queues: q.queues(), closureReasons: settings?.closureReasons ?? [], tags: [...predefined, ...used] };
      });
    },

    'conversation.accept': async ({ conversationId }) => {
      const c = current(conversationId);
      if (c.status !== 'queued' && c.assigneeId !== null && c.assigneeId !== self()) {
        const name = core.guard(() => core.store.queries.detail(conversationId)?.assignee?.name);
        const why = name ? reason('alreadyAccepted', { agent: name }) : reason('alreadyAcceptedUnknown');
        throw new DeskError('rejected', `${name ?? 'Another agent'} already accepted this conversation.`, why);
      }
      return enqueuePatch('conversation.accept', c, {}, { status: transition(c, 'accept'), assignee_id: self() });
    },

    'conversation.transfer': async ({ conversationId, to, note }) => {
      const c = current(conversationId);
      const request = { to, ...(note ? { note } : {}) };
      if (to.kind === 'agent') {
        return enqueuePatch('conversation.transfer', c, request, { status: transition(c, 'transferToAgent'), assignee_id: to.agentId });
      }
      return enqueuePatch('conversation.transfer', c, request, { status: transition(c, 'transferToQueue'), assignee_id: null, queue_id: to.queueId });
    },

    'conversation.resolve': async ({ conversationId, reason, note }) => {
      const c = current(conversationId);
      return enqueuePatch('conversation.resolve', c, { reason, ...(note ? { note } : {}) }, { status: transition(c, 'resolve'), closure_reason: reason });
    },

    'conversation.reopen': async ({ conversationId }) => {
      const c = current(conversationId);
      return enqueuePatch('conversation.reopen', c, {}, { status: transition(c, 'reopen'), assignee_id: self(), closure_reason: null });
    },

    'conversation.setStatus': async ({ conversationId, status }) => {
      const c = current(conversationId);
      if (c.status === status) return null;
      return enqueuePatch('conversation.setStatus', c, { status }, { status: transition(c, status === 'pending' ? 'setPending' : 'setActive') });
    },

    'conversation.tag': async ({ conversationId, addTags, removeTags, addLabels, removeLabels }) => {
      const c = current(conversationId);
      const key = (t: string) => t.toLowerCase();
      const tags = c.tags.filter((t) => !removeTags.some((r) => key(r) === key(t)));
      for (const t of addTags) if (!tags.some((x) => key(x) === key(t))) tags.push(t);
      const labels = c.labels.filter((l) => !removeLabels.includes(l));
      for (const l of addLabels) if (!labels.includes(l)) labels.push(l);
      return enqueuePatch('conversation.tag', c, { addTags, removeTags, addLabels, removeLabels }, { tags, labels });
    },

    'conversation.pin': async ({ conversationId, pinned }) => {
      const c = current(conversationId);
      const payload: PinPayload = { conversationId: c.id, pinned };
      core.enqueue('conversation.pin', c.id, payload);
      return null;
    },

    'agent.setStatus': async ({ status }) => {
      const id = self();
      const previous = core.guard(() => core.store.queries.agents().find((a) => a.id === id)?.status) ?? 'available';
      if (previous === status) return null;
      const payload: AgentStatusPayload = { status, previous };
      core.enqueue('agent.setStatus', null, payload);
      return null;
    },

    'contacts.search': async ({ query }) => {
      core.requireSession();
      const local = core.guard(() => core.store.queries.searchContacts(query));
      const transport = core.transport;
      if (!transport?.connected) return local;
      try {
        const raw = await transport.request('contacts.search', { query, limit: 20 }, SEARCH_TIMEOUT_MS);
        const remote = socketRequests['contacts.search'].response.parse(raw).contacts;
        const seen = new Set(local.map((c) => c.id));
        return [...local, ...remote.filter((c) => !seen.has(c.id))].slice(0, 20);
      } catch (e) {
        // Offline-first: the cached matches are still an answer.
        core.log.warn('Contact search on the server failed', { error: String(e) });
        return local;
      }
    },

    'conversation.start': async ({ contact, channel, subject, body, template }) => {
      core.requireSession();
      const queueId = core.guard(() => core.store.queries.queues()[0]?.id);
      if (!queueId) throw new DeskError('unreachable', 'The inbox has not been downloaded yet; try again in a moment.', reason('inboxNotReady'));
      let contactName: string;
      if ('contactId' in contact) {
        const known = core.guard(() => core.store.queries.contact(contact.contactId));
        if (!known) throw new DeskError('notFound', 'This contact is not available.', reason('contactUnavailable'));
        contactName = known.name;
      } else {
        contactName = contact.name ?? contact.email ?? contact.phone ?? '';
      }
      if (channel === 'whatsapp' && !template) throw new DeskError('invalid', 'A WhatsApp conversation starts with an approved template.', reason('whatsappNeedsTemplate'));
      const payload: StartPayload = {
        request: { contact, channel, body, ...(subject ? { subject } : {}), ...(template ? { template } : {}) },
        contactName,
        queueId,
      };
      const entry = core.enqueue('conversation.start', null, payload);
      return { conversationId: entry.id };
    },
  };
}
