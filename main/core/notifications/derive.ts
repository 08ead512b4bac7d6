// Which applied change events are worth telling the agent about, before preferences, focus and
// do-not-disturb are considered (policy.ts does that). Pure: the caller passes what the cache
// knew about each conversation before the batch, and the batch is walked in seq order so that a
// conversation created and assigned within one batch is judged on its final steps.
import type { ChangeEvent } from '../../../shared/protocol';
import type { NotifyKind } from '../../../shared/notifications';

/** The fields of a conversation that decide who is notified. */
export interface ConversationFacts {
  status: string;
  assigneeId: string | null;
  queueId: string;
}

export interface Self {
  id: string;
  name: string;
  email: string;
}

export interface Candidate {
  /** Unique per event (kind, conversation and the event's seq): the dedupe key. */
  id: string;
  kind: NotifyKind;
  conversationId: string;
  /** Customer message text (message), note text (mention, transfer with a note). */
  text: string | null;
  /** Who mentioned or transferred, when known. */
  agentId: string | null;
}

export interface DeriveContext {
  self: Self;
  /** Whether the agent works this queue; every queue when membership is unknown. */
  inMyQueues(queueId: string): boolean;
}

/**
 * Queue membership as routing sees it: an agent works the queues the team lists for them. Until
 * the team has synced, every queue counts, so a fresh install still hears about waiting customers.
 */
export function queueMembership(queueIds: readonly string[] | null): (queueId: string) => boolean {
  if (queueIds === null) return () => true;
  const mine = new Set(queueIds);
  return (queueId) => mine.has(queueId);
}

const PREVIEW_LENGTH = 140;

export function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= PREVIEW_LENGTH ? flat : `${flat.slice(0, PREVIEW_LENGTH - 1)}…`;
}

/** Names an internal note may use to mention the agent: first name, full name, e-mail name. */
function mentionAliases(self: Self): string[] {
  const full = self.name.trim().toLowerCase();
  const first = full.split(/\s+/)[0] ?? '';
  const mailbox = self.email.split('@')[0]?.toLowerCase() ?? '';
  return [...new Set([full, first, mailbox])].filter((alias) => alias.length > 0).sort((a, b) => b.length - a.length);
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** True when `body` contains "@alias" for one of the agent's aliases, as a whole word. */
export function mentions(body: string, self: Self): boolean {
  const lower = body.toLowerCase();
  const aliases = mentionAliases(self);
  for (let at = lower.indexOf('@'); at >= 0; at = lower.indexOf('@', at + 1)) {
    // "bob@alex.com" is an address, not a mention.
    if (at > 0 && WORD_CHAR.test(lower[at - 1]!)) continue;
    const rest = lower.slice(at + 1);
    for (const alias of aliases) {
      if (!rest.startsWith(alias)) continue;
      const next = rest[alias.length];
      if (next === undefined || !WORD_CHAR.test(next)) return true;
    }
  }
  return false;
}

const isOpen = (facts: ConversationFacts) => facts.status !== 'resolved';

export function deriveCandidates(
  events: readonly ChangeEvent[],
  prior: ReadonlyMap<string, ConversationFacts | null>,
  context: DeriveContext,
): Candidate[] {
  const { self } = context;
  const known = new Map(prior);
  const candidates: Candidate[] = [];
  /** Notes by other agents in this batch, per conversation: a transfer's note travels with it. */
  const notes = new Map<string, { body: string; agentId: string | null; candidate: Candidate | null }>();

  for (const event of events) {
    if (event.type === 'conversation.upserted') {
      const after = event.conversation;
      const before = known.get(after.id) ?? null;
      known.set(after.id, after);
      if (!isOpen(after)) continue;
      const newlyQueued =
        after.status === 'queued' && (before === null || before.status !== 'queued' || before.queueId !== after.queueId);
      if (newlyQueued && after.assigneeId === null && context.inMyQueues(after.queueId)) {
        candidates.push({ id: `queued:${after.id}:${event.seq}`, kind: 'queued', conversationId: after.id, text: null, agentId: null });
      }
      if (after.assigneeId === self.id && before?.assigneeId !== self.id) {
        const fromAgent = before?.assigneeId ?? null;
        const kind = fromAgent !== null ? 'transfer' : 'assigned';
        candidates.push({ id: `${kind}:${after.id}:${event.seq}`, kind, conversationId: after.id, text: null, agentId: fromAgent });
      }
    } else if (event.type === 'message.created') {
      const message = event.message;
      const facts = known.get(message.conversationId) ?? null;
      if (message.direction === 'inbound' && message.kind !== 'note') {
        if (facts !== null && isOpen(facts) && facts.assigneeId === self.id) {
          candidates.push({
            id: `message:${message.id}`,
            kind: 'message',
            conversationId: message.conversationId,
            text: preview(message.body),
            agentId: null,
          });
        }
      } else if (message.kind === 'note' && message.authorAgentId !== self.id) {
        const candidate: Candidate | null = mentions(message.body, self)
          ? { id: `mention:${message.id}`, kind: 'mention', conversationId: message.conversationId, text: preview(message.body), agentId: message.authorAgentId }
          : null;
        if (candidate) candidates.push(candidate);
        notes.set(message.conversationId, { body: message.body, agentId: message.authorAgentId, candidate });
      }
    }
  }

  // A transfer carries the note written with it; that note then needs no mention of its own.
  const attached = new Set<Candidate>();
  for (const candidate of candidates) {
    if (candidate.kind !== 'transfer') continue;
    const note = notes.get(candidate.conversationId);
    if (!note) continue;
    candidate.text = preview(note.body);
    if (note.agentId !== null) candidate.agentId = note.agentId;
    if (note.candidate) attached.add(note.candidate);
  }
  return candidates.filter((candidate) => !attached.has(candidate));
}
