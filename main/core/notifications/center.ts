// The notification center: wires the pure policy to the cache, the clock, the preferences file and
// whoever shows notifications. The sync engine hands it every applied batch; the renderer tells it
// where the agent is looking; a timer drives the queue reminders, another releases the summary of
// a live burst when its window ends.
import type Database from 'better-sqlite3';
import type { ChangeEvent } from '../../../shared/protocol';
import {
  type AttentionFocus,
  ENGLISH_NOTIFICATION_TEXTS,
  type DeskNotification,
  type NotificationSettings,
  type NotificationTexts,
} from '../../../shared/notifications';
import type { Logger } from '../ports';
import { deriveCandidates, queueMembership, type ConversationFacts, type Self } from './derive';
import { NotificationFacts } from './facts';
import { NotificationPolicy, type Moment, type Outgoing, type PolicyTuning } from './policy';
import { testNotification, toNotification, type Names } from './text';

export type ApplyPhase = 'catchup' | 'live';

export interface NotificationCenterDeps {
  /** The open cache connection (replaced when the cache is rebuilt). */
  db: () => Database.Database;
  self: () => Self | null;
  /** The agent's current notification preferences. */
  settings: () => NotificationSettings;
  log: Logger;
  now: () => number;
  schedule: (fn: () => void, ms: number) => () => void;
  deliver: (notification: DeskNotification) => void;
  /** How often waiting queued conversations are checked for reminders. */
  reminderTickMs: number;
  /**
   * The templates a window last sent, kept across restarts: a notification raised before any
   * window has sent them (a catch-up right after start) is in the agent's language too.
   */
  savedTexts?: { load(): NotificationTexts | null; save(texts: NotificationTexts): void };
  tuning?: PolicyTuning;
}

export function momentOf(at: number): Moment {
  const date = new Date(at);
  return { at, minute: date.getHours() * 60 + date.getMinutes() };
}

export class NotificationCenter {
  private readonly policy: NotificationPolicy;
  /** Read from `savedTexts` when first needed: the store may not be open when the center is built. */
  private texts: NotificationTexts | null = null;
  private factsFor: { db: Database.Database; facts: NotificationFacts } | null = null;
  private cancelTick: (() => void) | null = null;
  /** The pending release of a burst's held events: when, and how to cancel it. */
  private releaseTimer: { at: number; cancel: () => void } | null = null;
  private stopped = false;

  constructor(private readonly deps: NotificationCenterDeps) {
    this.policy = new NotificationPolicy(deps.tuning);
  }

  private facts(): NotificationFacts {
    const db = this.deps.db();
    if (this.factsFor?.db !== db) this.factsFor = { db, facts: new NotificationFacts(db) };
    return this.factsFor.facts;
  }

  private inMyQueues(self: Self): (queueId: string) => boolean {
    return queueMembership(this.facts().queueIds(self.id));
  }

  /**
   * Call before applying a batch: reads what the batch will change. Call the result after the
   * batch committed; `catchup` batches are held until `caughtUp`.
   */
  observe(events: readonly ChangeEvent[]): (phase: ApplyPhase) => void {
    const self = this.deps.self();
    if (!self) return () => undefined;
    const prior = new Map<string, ConversationFacts | null>();
    const facts = this.facts();
    for (const event of events) {
      const id = event.type === 'conversation.upserted' ? event.conversation.id : event.type === 'message.created' ? event.message.conversationId : null;
      if (id !== null && !prior.has(id)) prior.set(id, facts.conversation(id));
    }
    return (phase) => {
      const candidates = deriveCandidates(events, prior, { self, inMyQueues: this.inMyQueues(self) });
      if (candidates.length === 0) return;
      if (phase === 'catchup') this.policy.beginCatchUp();
      this.send(this.policy.offer(candidates, this.deps.settings(), momentOf(this.deps.now())));
      this.armRelease();
    };
  }

  /** Keeps one timer for the moment the policy's held burst is due, so its summary comes on time. */
  private armRelease(): void {
    const due = this.stopped ? null : this.policy.releaseDue();
    if (this.releaseTimer?.at === due) return;
    this.releaseTimer?.cancel();
    this.releaseTimer = null;
    if (due === null) return;
    const cancel = this.deps.schedule(() => {
      this.releaseTimer = null;
      try {
        this.send(this.policy.release(this.deps.settings(), momentOf(this.deps.now())));
      } catch (e) {
        this.deps.log.warn('Releasing held notifications failed.', { error: String(e) });
      }
      this.armRelease();
    }, Math.max(0, due - this.deps.now()));
    this.releaseTimer = { at: due, cancel };
  }

  caughtUp(): void {
    this.send(this.policy.caughtUp(this.deps.settings(), momentOf(this.deps.now())));
    this.armRelease();
  }

  private names(): Names {
    const facts = this.facts();
    return {
      contact: (id) => facts.contactName(id) || this.currentTexts().unknownContact,
      agent: (id) => (id === null ? null : facts.agentName(id)) ?? this.currentTexts().unknownAgent,
    };
  }

  private send(outgoing: readonly Outgoing[]): void {
    if (outgoing.length === 0) return;
    const names = this.names();
    const settings = this.deps.settings();
    for (const item of outgoing) this.deliver(toNotification(item, this.currentTexts(), names, settings));
  }

  private deliver(notification: DeskNotification): void {
    try {
      this.deps.deliver(notification);
    } catch (e) {
      this.deps.log.warn('A notification could not be shown.', { id: notification.id, error: String(e) });
    }
  }

  /** Checks the queue for conversations waiting too long. */
  tick(): void {
    const self = this.deps.self();
    if (!self) return;
    const inMyQueues = this.inMyQueues(self);
    const waiting = this.facts()
      .queued()
      .filter((row) => inMyQueues(row.queueId))
      .map((row) => row.id);
    const reminder = this.policy.remind(waiting, this.deps.settings(), momentOf(this.deps.now()));
    if (reminder) this.send([reminder]);
  }

  start(): void {
    this.stopped = false;
    const loop = () => {
      try {
        this.tick();
      } catch (e) {
        this.deps.log.warn('Queue reminder check failed.', { error: String(e) });
      }
      this.cancelTick = this.deps.schedule(loop, this.deps.reminderTickMs);
    };
    this.cancelTick = this.deps.schedule(loop, this.deps.reminderTickMs);
  }

  stop(): void {
    this.stopped = true;
    this.cancelTick?.();
    this.cancelTick = null;
    this.releaseTimer?.cancel();
    this.releaseTimer = null;
  }

  setFocus(focus: AttentionFocus): void {
    this.policy.setFocus(focus);
  }

  setTexts(texts: NotificationTexts): void {
    this.texts = texts;
    this.deps.savedTexts?.save(texts);
  }

  private currentTexts(): NotificationTexts {
    this.texts ??= this.deps.savedTexts?.load() ?? ENGLISH_NOTIFICATION_TEXTS;
    return this.texts;
  }

  test(): void {
    this.deliver(testNotification(this.currentTexts(), this.deps.settings(), this.deps.now()));
  }

  /** Unread customer messages needing the agent, for the badge and the window title. */
  unread(): number {
    const self = this.deps.self();
    return self ? this.facts().unread(self.id) : 0;
  }
}
