// The notification policy: given candidate events (derive.ts), decides what reaches the agent.
// Pure state machine, no clock or I/O of its own: the caller passes the time.
// - Each event notifies at most once (dedupe by event id, bounded memory).
// - Preferences per event type; do not disturb (always, or a daily schedule).
// - Nothing about the conversation the agent is looking at in a focused window.
// - Events applied while catching up after being offline are held and released when caught up:
//   a few one by one, more as one grouped notification.
// - Live events come one by one, but at most a few per burst window; the rest of a burst is held
//   and released as one grouped notification when the window ends (the rule: `release`).
// - A queued conversation nobody accepts is reminded about every N seconds until it leaves the queue;
//   reminders come at most one per burst window.
import type { NotificationSettings } from '../../../shared/notifications';
import type { AttentionFocus } from '../../../shared/notifications';
import type { Candidate } from './derive';

export type Outgoing =
  | { type: 'single'; candidate: Candidate }
  /** Held events told as one: those held while catching up, or the rest of a live burst. */
  | { type: 'group'; id: string; count: number; cause: 'catchUp' | 'burst' }
  | { type: 'reminder'; id: string; conversationIds: string[] };

export interface PolicyTuning {
  /** Event ids remembered for deduplication. */
  maxSeen: number;
  /** More held catch-up events than this become one grouped notification. */
  groupAbove: number;
  /** Live events told one by one per burst window; the rest of the window's are grouped. */
  burstMax: number;
  burstWindowMs: number;
}

/**
 * Three singles in ten seconds is about what an agent reads before the next one arrives; beyond
 * that each one is noise (and an OS notification and a sound), so the rest become one summary.
 */
export const DEFAULT_POLICY_TUNING: PolicyTuning = { maxSeen: 5_000, groupAbove: 3, burstMax: 3, burstWindowMs: 10_000 };

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
  private lastReminderAt: number | null = null;
  private groups = 0;
  /**
   * The live burst window: open from the first single told until `endsAt`, with the singles it
   * has left and the events it holds for the summary. None while things are calm.
   */
  private burst: { endsAt: number; singlesLeft: number; held: Candidate[] } | null = null;

  constructor(private readonly tuning: PolicyTuning = DEFAULT_POLICY_TUNING) {}

  setFocus(focus: AttentionFocus): void {
    this.focus = focus;
    // Whatever the agent opens while it is held needs no notification any more, even if they have
    // moved on by the time it is released.
    const opened = (candidate: Candidate) => this.looksAt(candidate.conversationId);
    this.held = this.held.filter((candidate) => !opened(candidate));
    if (this.burst) this.burst.held = this.burst.held.filter((candidate) => !opened(candidate));
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
    const released = this.release(settings, now);
    if (isQuiet(settings.dnd, now.minute)) return released;
    const singles: Outgoing[] = [];
    for (const candidate of fresh) {
      if (this.takeSingle(now)) singles.push({ type: 'single', candidate });
      else this.burst?.held.push(candidate);
    }
    return [...released, ...singles];
  }

  /**
   * When the burst window's held events are due (epoch ms), or null when nothing is held. The
   * caller calls `release` then; `offer` also releases what is overdue, so a late timer loses
   * nothing.
   */
  releaseDue(): number | null {
    return this.burst && this.burst.held.length > 0 ? this.burst.endsAt : null;
  }

  /**
   * Ends a burst window that is over: what it held and is still wanted (preferences, focus and
   * do not disturb as they are now) becomes one grouped notification, or a single if only one.
   *
   * A window that held something was a flood, and a flood tends to go on: the next window starts
   * right away with no singles, so a lasting flood is told as one summary per window rather than
   * a few singles and a summary every window (an event in such a window waits for its end, at
   * most one window). Only a window that ends without holding anything closes the burst; the next
   * event then starts a fresh one with its singles.
   */
  release(settings: NotificationSettings, now: Moment): Outgoing[] {
    const out: Outgoing[] = [];
    while (this.burst && now.at >= this.burst.endsAt) {
      const { endsAt, held } = this.burst;
      this.burst = held.length > 0 ? { endsAt: endsAt + this.tuning.burstWindowMs, singlesLeft: 0, held: [] } : null;
      out.push(...this.summarize(held, settings, now, 'burst', 1));
    }
    return out;
  }

  /** Held events still wanted: one by one up to `singlesUpTo`, more as one grouped notification. */
  private summarize(
    held: readonly Candidate[],
    settings: NotificationSettings,
    now: Moment,
    cause: 'catchUp' | 'burst',
    singlesUpTo: number,
  ): Outgoing[] {
    const wanted = held.filter((candidate) => this.wanted(candidate, settings));
    if (wanted.length === 0 || isQuiet(settings.dnd, now.minute)) return [];
    if (wanted.length > singlesUpTo) {
      this.groups += 1;
      return [{ type: 'group', id: `${cause}:${now.at}:${this.groups}`, count: wanted.length, cause }];
    }
    return wanted.map((candidate) => ({ type: 'single', candidate }));
  }

  caughtUp(settings: NotificationSettings, now: Moment): Outgoing[] {
    this.catchingUp = false;
    const held = this.held;
    this.held = [];
    const released = this.release(settings, now);
    const out = this.summarize(held, settings, now, 'catchUp', this.tuning.groupAbove);
    // Singles from a catch-up reach the agent like live ones: live events right after it (a
    // catch-up ends as the stream goes live) share the window's few singles with them.
    for (const item of out) if (item.type === 'single') this.takeSingle(now);
    return [...released, ...out];
  }

  /** Takes one of the burst window's singles, opening a window if none is; false when none are left. */
  private takeSingle(now: Moment): boolean {
    this.burst ??= { endsAt: now.at + this.tuning.burstWindowMs, singlesLeft: this.tuning.burstMax, held: [] };
    if (this.burst.singlesLeft === 0) return false;
    this.burst.singlesLeft -= 1;
    return true;
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
    // A flood of new conversations makes some due at every check: those wait for the next window,
    // so reminders come at most one per burst window, not one per check.
    if (this.lastReminderAt !== null && now.at - this.lastReminderAt < this.tuning.burstWindowMs) return null;
    const interval = reminder.afterSeconds * 1_000;
    const due = waiting.filter((id) => {
      const state = this.queued.get(id)!;
      return now.at - state.since >= interval && (state.remindedAt === null || now.at - state.remindedAt >= interval) && !this.looksAt(id);
    });
    if (due.length === 0) return null;
    for (const id of due) this.queued.get(id)!.remindedAt = now.at;
    this.lastReminderAt = now.at;
    return { type: 'reminder', id: `reminder:${now.at}`, conversationIds: due };
  }
}
