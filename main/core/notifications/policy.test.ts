import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATION_SETTINGS, type NotificationSettings } from '../../../shared/notifications';
import type { Candidate } from './derive';
import { DEFAULT_POLICY_TUNING, isQuiet, NotificationPolicy, type Moment, type PolicyTuning } from './policy';

const at = (seconds: number, minute = 12 * 60): Moment => ({ at: seconds * 1_000, minute });
const candidate = (id: string, kind: Candidate['kind'] = 'queued', conversationId = `c-${id}`): Candidate => ({
  id,
  kind,
  conversationId,
  text: null,
  agentId: null,
});
const settings = (over: Partial<NotificationSettings> = {}): NotificationSettings => ({ ...DEFAULT_NOTIFICATION_SETTINGS, ...over });
/** A policy with fixed preferences, as the tests use it. */
function bound(prefs: NotificationSettings, tuning?: PolicyTuning) {
  const policy = new NotificationPolicy(tuning);
  return {
    offer: (candidates: Candidate[], now: Moment) => policy.offer(candidates, prefs, now),
    caughtUp: (now: Moment) => policy.caughtUp(prefs, now),
    release: (now: Moment) => policy.release(prefs, now),
    releaseDue: () => policy.releaseDue(),
    remind: (waiting: string[], now: Moment) => policy.remind(waiting, prefs, now),
    setFocus: (focus: Parameters<NotificationPolicy['setFocus']>[0]) => policy.setFocus(focus),
    beginCatchUp: () => policy.beginCatchUp(),
  };
}
const ids = (outgoing: ReturnType<NotificationPolicy['offer']>) =>
  outgoing.map((o) => (o.type === 'single' ? o.candidate.id : o.type));

describe('NotificationPolicy', () => {
  it('notifies each event once, however often it is offered', () => {
    const policy = bound(settings());
    expect(ids(policy.offer([candidate('e1'), candidate('e2')], at(0)))).toEqual(['e1', 'e2']);
    expect(ids(policy.offer([candidate('e1'), candidate('e3')], at(1)))).toEqual(['e3']);
  });

  it('forgets the oldest ids beyond its memory bound', () => {
    const policy = bound(settings(), { ...DEFAULT_POLICY_TUNING, maxSeen: 2 });
    policy.offer([candidate('e1'), candidate('e2'), candidate('e3')], at(0));
    expect(ids(policy.offer([candidate('e3')], at(11)))).toEqual([]);
    expect(ids(policy.offer([candidate('e1')], at(11)))).toEqual(['e1']);
  });

  it('respects the preference of each event type', () => {
    const policy = bound(settings({ kinds: { ...DEFAULT_NOTIFICATION_SETTINGS.kinds, message: false } }));
    expect(ids(policy.offer([candidate('m1', 'message'), candidate('a1', 'assigned')], at(0)))).toEqual(['a1']);
  });

  it('stays quiet about the conversation the agent is looking at in a focused window', () => {
    const policy = bound(settings());
    policy.setFocus({ focused: true, conversationId: 'c1' });
    expect(ids(policy.offer([candidate('m1', 'message', 'c1'), candidate('m2', 'message', 'c2')], at(0)))).toEqual(['m2']);
    // The same conversation open in a window that is in the background does notify.
    policy.setFocus({ focused: false, conversationId: 'c1' });
    expect(ids(policy.offer([candidate('m3', 'message', 'c1')], at(1)))).toEqual(['m3']);
  });

  it('holds catch-up events and groups many into one notification', () => {
    const policy = bound(settings());
    policy.beginCatchUp();
    const many = Array.from({ length: 12 }, (_, i) => candidate(`e${i}`, 'message'));
    expect(policy.offer(many.slice(0, 5), at(0))).toEqual([]);
    expect(policy.offer(many.slice(5), at(1))).toEqual([]);
    const released = policy.caughtUp(at(2));
    expect(released).toEqual([{ type: 'group', id: expect.stringMatching(/^catchUp:/), count: 12, cause: 'catchUp' }]);
    // Back to live: one by one again.
    expect(ids(policy.offer([candidate('live')], at(3)))).toEqual(['live']);
  });

  it('releases a short catch-up one by one, minus what the agent opened meanwhile', () => {
    const policy = bound(settings());
    policy.beginCatchUp();
    policy.offer([candidate('e1', 'message', 'c1'), candidate('e2', 'message', 'c2')], at(0));
    policy.setFocus({ focused: true, conversationId: 'c1' });
    expect(ids(policy.caughtUp(at(1)))).toEqual(['e2']);
    expect(policy.caughtUp(at(2))).toEqual([]);
  });

  describe('a live burst', () => {
    const burst = (n: number, prefix = 'b', kind: Candidate['kind'] = 'queued') =>
      Array.from({ length: n }, (_, i) => candidate(`${prefix}${i}`, kind));
    const live = (outgoing: ReturnType<NotificationPolicy['offer']>) =>
      outgoing.map((o) => (o.type === 'group' ? `${o.cause}:${o.count}` : ids([o])[0]));

    it('tells the first few one by one and the rest as one summary when the window ends', () => {
      const policy = bound(settings());
      const events = burst(100);
      // Arriving in batches over the window, as a flood does.
      const told = [...policy.offer(events.slice(0, 2), at(0)), ...policy.offer(events.slice(2, 60), at(1)), ...policy.offer(events.slice(60), at(9))];
      expect(live(told)).toEqual(['b0', 'b1', 'b2']);
      expect(policy.releaseDue()).toBe(10_000);
      expect(policy.release(at(9.9))).toEqual([]);
      const summary = policy.release(at(10));
      expect(summary).toEqual([{ type: 'group', id: expect.stringMatching(/^burst:/), count: 97, cause: 'burst' }]);
      // Told once: nothing is held any more, and the same events offered again stay silent.
      expect(policy.releaseDue()).toBeNull();
      expect(policy.release(at(20))).toEqual([]);
      expect(policy.offer(events, at(21))).toEqual([]);
    });

    it('tells a single held event as itself, not as a summary of one', () => {
      const policy = bound(settings());
      expect(live(policy.offer(burst(4), at(0)))).toEqual(['b0', 'b1', 'b2']);
      expect(live(policy.release(at(10)))).toEqual(['b3']);
    });

    it('leaves out of the summary what the agent opened meanwhile, even after moving on', () => {
      const policy = bound(settings());
      policy.offer(burst(6), at(0));
      policy.setFocus({ focused: true, conversationId: 'c-b4' });
      policy.setFocus({ focused: true, conversationId: 'c-other' });
      expect(live(policy.release(at(10)))).toEqual(['burst:2']);
    });

    it('leaves out what the preferences turned off meanwhile, and says nothing during do not disturb', () => {
      const policy = new NotificationPolicy();
      const prefs = settings();
      policy.offer([...burst(3), ...burst(3, 'm', 'message'), ...burst(2, 'q')], prefs, at(0));
      const noMessages = settings({ kinds: { ...prefs.kinds, message: false } });
      expect(live(policy.release(noMessages, at(10)))).toEqual(['burst:2']);

      const quiet = new NotificationPolicy();
      quiet.offer(burst(10), prefs, at(0));
      expect(quiet.release(settings({ dnd: { mode: 'on', start: '00:00', end: '00:00' } }), at(10))).toEqual([]);
      expect(quiet.releaseDue()).toBeNull();
    });

    it('tells a lasting flood as one summary per window, and singles again once it is calm', () => {
      const policy = bound(settings());
      expect(live(policy.offer(burst(5, 'a'), at(0)))).toEqual(['a0', 'a1', 'a2']);
      expect(live(policy.offer(burst(5, 'b'), at(11)))).toEqual(['burst:2']);
      expect(policy.releaseDue()).toBe(20_000);
      expect(live(policy.release(at(20)))).toEqual(['burst:5']);
      // A window without anything held ends the flood.
      expect(live(policy.offer([candidate('later')], at(45)))).toEqual(['later']);
    });

    it('releases an overdue summary with the next offer when no timer came first', () => {
      const policy = bound(settings());
      policy.offer(burst(8), at(0));
      expect(live(policy.offer([candidate('next')], at(12)))).toEqual(['burst:5']);
      expect(policy.releaseDue()).toBe(20_000);
      expect(live(policy.release(at(20)))).toEqual(['next']);
    });

    it('does not hold catch-up events in the burst: catch-up grouping is its own', () => {
      const policy = bound(settings());
      policy.offer(burst(3), at(0));
      policy.beginCatchUp();
      expect(policy.offer(burst(2, 'k', 'message'), at(1))).toEqual([]);
      expect(live(policy.caughtUp(at(2)))).toEqual(['k0', 'k1']);
      expect(policy.releaseDue()).toBeNull();
    });

    it('counts singles from a catch-up among the window\'s few, as the stream goes live right after it', () => {
      const policy = bound(settings());
      policy.beginCatchUp();
      policy.offer(burst(2, 'k', 'message'), at(0));
      expect(live(policy.caughtUp(at(1)))).toEqual(['k0', 'k1']);
      expect(live(policy.offer(burst(4), at(2)))).toEqual(['b0']);
      expect(live(policy.release(at(11)))).toEqual(['burst:3']);
    });
  });

  it('says nothing during do not disturb, and does not replay it afterwards', () => {
    const policy = bound(settings({ dnd: { mode: 'scheduled', start: '22:00', end: '07:00' } }));
    expect(ids(policy.offer([candidate('night')], at(0, 23 * 60)))).toEqual([]);
    expect(ids(policy.offer([candidate('night')], at(1, 9 * 60)))).toEqual([]);
    expect(ids(policy.offer([candidate('day')], at(2, 9 * 60)))).toEqual(['day']);
  });

  it('reminds about queued conversations not accepted within N seconds, repeating every N seconds', () => {
    const policy = bound(settings({ reminder: { enabled: true, afterSeconds: 60 } }));
    expect(policy.remind(['c1'], at(0))).toBeNull();
    expect(policy.remind(['c1', 'c2'], at(30))).toBeNull();
    expect(policy.remind(['c1', 'c2'], at(60))).toEqual({ type: 'reminder', id: 'reminder:60000', conversationIds: ['c1'] });
    expect(policy.remind(['c1', 'c2'], at(90))).toEqual({ type: 'reminder', id: 'reminder:90000', conversationIds: ['c2'] });
    expect(policy.remind(['c1', 'c2'], at(100))).toBeNull();
    expect(policy.remind(['c1', 'c2'], at(120))).toMatchObject({ conversationIds: ['c1'] });
    // Accepted (gone from the queue): no more reminders; queued again later starts over.
    expect(policy.remind(['c2'], at(150))).toMatchObject({ conversationIds: ['c2'] });
    expect(policy.remind([], at(200))).toBeNull();
    expect(policy.remind(['c1'], at(210))).toBeNull();
    expect(policy.remind(['c1'], at(270))).toMatchObject({ conversationIds: ['c1'] });
  });

  it('reminds at most once per burst window when conversations fall due at every check', () => {
    const policy = bound(settings({ reminder: { enabled: true, afterSeconds: 60 } }));
    // A new conversation queued every 5 s, as in a flood, and checked every 5 s.
    const waiting = (s: number) => Array.from({ length: s / 5 + 1 }, (_, i) => `c${i}`);
    for (let s = 0; s < 60; s += 5) policy.remind(waiting(s), at(s));
    expect(policy.remind(waiting(60), at(60))).toMatchObject({ conversationIds: ['c0'] });
    expect(policy.remind(waiting(65), at(65))).toBeNull();
    expect(policy.remind(waiting(70), at(70))).toMatchObject({ conversationIds: ['c1', 'c2'] });
  });

  it('does not remind when reminders are off, during do not disturb, or about the conversation in view', () => {
    const off = bound(settings({ reminder: { enabled: false, afterSeconds: 60 } }));
    off.remind(['c1'], at(0));
    expect(off.remind(['c1'], at(120))).toBeNull();
    const quiet = bound(settings({ dnd: { mode: 'on', start: '00:00', end: '00:00' } }));
    quiet.remind(['c1'], at(0));
    expect(quiet.remind(['c1'], at(120))).toBeNull();
    const looking = bound(settings());
    looking.setFocus({ focused: true, conversationId: 'c1' });
    looking.remind(['c1'], at(0));
    expect(looking.remind(['c1'], at(120))).toBeNull();
  });
});

describe('isQuiet', () => {
  const scheduled = (start: string, end: string) => ({ mode: 'scheduled' as const, start, end });
  it('follows the mode and a schedule that may wrap past midnight', () => {
    expect(isQuiet({ mode: 'on', start: '09:00', end: '10:00' }, 0)).toBe(true);
    expect(isQuiet({ mode: 'off', start: '00:00', end: '23:59' }, 600)).toBe(false);
    expect(isQuiet(scheduled('12:00', '13:30'), 12 * 60)).toBe(true);
    expect(isQuiet(scheduled('12:00', '13:30'), 13 * 60 + 30)).toBe(false);
    expect(isQuiet(scheduled('22:00', '07:00'), 23 * 60)).toBe(true);
    expect(isQuiet(scheduled('22:00', '07:00'), 6 * 60 + 59)).toBe(true);
    expect(isQuiet(scheduled('22:00', '07:00'), 7 * 60)).toBe(false);
    expect(isQuiet(scheduled('08:00', '08:00'), 8 * 60)).toBe(false);
  });
});
