// The notification policy: given candidate events (derive.ts), decides what reaches the agent.
// Pure state machine, no clock or I/O of its own: the caller passes the time.
// - Each event notifies at most once (dedupe by event id, bounded memory).
// - Preferences per event type; do not disturb (always, or a daily schedule).
// - Nothing about the conversation the agent is looking at in a focused window.
// - Events applied while catching up after being offline are held and released when caught up:
//   a few one by one, more as one grouped notification.
// - A queued conversation nobody accepts is reminded about every N seconds until it leaves the queue.
import type { NotificationSettings } from '../../../shared/notifications';
import type { AttentionFocus } from '../../../shared/notifications';
import type { Candidate } from './derive';

export type Outgoing =
  | { type: 'single'; candidate: Candidate }
  | { type: 'group'; id: string; count: number }
  | { type: 'reminder'; id: string; conversationIds: string[] };

export interface PolicyTuning {
  /** Event ids remembered for deduplication. */
  maxSeen: number;
  /** More held catch-up events than this become one grouped notification. */
  groupAbove: number;
}

export const DEFAULT_POLICY_TUNING: PolicyTuning = { maxSeen: 5_000, groupAbove: 3 };

/** Minutes since local midnight. */
export type MinuteOfDay = number;

export function parseClock(value: string): MinuteOfDay {
  const [hours, minutes] = value.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** Do not disturb at this local time? A schedule may wrap past midnight; start = end is empty. */
export function isQuiet(dnd: NotificationSettings['dnd'], minute: MinuteOfDay): boolean {
  if (dnd.mode === 'on') return true;
  if (dnd.mode === 'off') return false;
  const start = parseClock(dnd.start);
  const end = parseClock(dnd.end);
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

export interface Moment {
  /** Epoch milliseconds, for reminders. */
  at: number;
  /** Local minute of day, for the do-not-disturb schedule. */
  minute: MinuteOfDay;
}

export class NotificationPolicy {
  private seen = new Set<string>();
  private focus: AttentionFocus = { focused: false, conversationId: null };
  private held: Candidate[] = [];
  private catchingUp = false;
  /** Queued conversation → when it was first seen queued, and when last reminded. */
  private queued = new Map<string, { since: number; remindedAt: number | null }>();
  private groups = 0;

  constructor(private readonly tuning: PolicyTuning = DEFAULT_POLICY_TUNING) {}

  setFocus(focus: AttentionFocus): void {
    this.focus = focus;
  }

  private looksAt(conversationId: string): boolean {
    return this.focus.focused && this.focus.conversationId === conversationId;
  }

  /** Marks the id seen; false if it was seen before. */
  private firstTime(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    if (this.seen.size > this.tuning.maxSeen) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return true;
  }

  private wanted(candidate: Candidate, settings: NotificationSettings): boolean {
    return settings.kinds[candidate.kind] && !this.looksAt(candidate.conversationId);
  }

  /** Events from a catch-up are held until `caughtUp`. */
  beginCatchUp(): void {
    this.catchingUp = true;
  }

  offer(candidates: readonly Candidate[], settings: NotificationSettings, now: Moment): Outgoing[] {
    const fresh = candidates.filter((candidate) => this.firstTime(candidate.id) && this.wanted(candidate, settings));
    if (this.catchingUp) {
      this.held.push(...fresh);
      return [];
    }
    if (isQuiet(settings.dnd, now.minute)) return [];
    return fresh.map((candidate) => ({ type: 'single', candidate }));
  }

  caughtUp(settings: NotificationSettings, now: Moment): Outgoing[] {
    this.catchingUp = false;
    // Whatever the agent opened meanwhile needs no notification any more.
    const held = this.held.filter((candidate) => this.wanted(candidate, settings));
    this.held = [];
    if (held.length === 0 || isQuiet(settings.dnd, now.minute)) return [];
    if (held.length > this.tuning.groupAbove) {
      this.groups += 1;
      return [{ type: 'group', id: `catchUp:${now.at}:${this.groups}`, count: held.length }];
    }
    return held.map((candidate) => ({ type: 'single', candidate }));
  }

  /**
   * Called periodically with the conversations now waiting in the agent's queues. Returns one
   * reminder for those waiting at least `afterSeconds` and not reminded for as long.
   */
  remind(waiting: readonly string[], settings: NotificationSettings, now: Moment): Outgoing | null {
    const present = new Set(waiting);
    for (const id of this.queued.keys()) if (!present.has(id)) this.queued.delete(id);
    for (const id of waiting) if (!this.queued.has(id)) this.queued.set(id, { since: now.at, remindedAt: null });

    const { reminder } = settings;
    if (!reminder.enabled || isQuiet(settings.dnd, now.minute)) return null;
    const interval = reminder.afterSeconds * 1_000;
    const due = waiting.filter((id) => {
      const state = this.queued.get(id)!;
      return now.at - state.since >= interval && (state.remindedAt === null || now.at - state.remindedAt >= interval) && !this.looksAt(id);
    });
    if (due.length === 0) return null;
    for (const id of due) this.queued.get(id)!.remindedAt = now.at;
    return { type: 'reminder', id: `reminder:${now.at}`, conversationIds: due };
  }
}
