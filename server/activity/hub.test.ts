import { describe, expect, it } from 'vitest';
import type { Activity } from '../../shared/protocol';
import { manualClock } from '../../testing/manualClock';
import { createActivityHub, PRESENCE_PUSH_MS, PRESENCE_TTL_MS, TYPING_TTL_MS } from './hub';

describe('activity hub', () => {
  it('announces typing starts and stops once, and expires a typing indicator nobody renews', () => {
    const clock = manualClock();
    const hub = createActivityHub(clock);
    const seen: Activity[] = [];
    hub.subscribe((_t, a) => seen.push(a));
    hub.typing('t1', 'c1', null, true);
    clock.advance(TYPING_TTL_MS - 1);
    hub.typing('t1', 'c1', null, true);
    expect(seen).toHaveLength(1);
    clock.advance(TYPING_TTL_MS - 1);
    expect(seen).toHaveLength(1);
    clock.advance(1);
    expect(seen.map((a) => a.type === 'typing' && a.typing)).toEqual([true, false]);
    hub.typing('t1', 'c1', 'agent-1', false);
    expect(seen).toHaveLength(2);
  });

  it('pushes the first presence change at once and the rest of a burst together, once per window, per tenant', () => {
    const clock = manualClock();
    const hub = createActivityHub(clock);
    const seen: Array<[string, Activity]> = [];
    hub.subscribe((t, a) => seen.push([t, a]));
    hub.presence('t1', 'k1', true);
    hub.presence('t2', 'k9', true);
    expect(seen).toEqual([
      ['t1', { type: 'presences', changes: [{ contactId: 'k1', online: true, at: 0 }] }],
      ['t2', { type: 'presences', changes: [{ contactId: 'k9', online: true, at: 0 }] }],
    ]);
    seen.length = 0;
    clock.advance(10);
    hub.presence('t1', 'k2', true);
    hub.presence('t1', 'k1', true); // still online: no change
    clock.advance(10);
    hub.presence('t1', 'k3', true);
    expect(seen).toEqual([]);
    clock.advance(PRESENCE_PUSH_MS - 20);
    expect(seen).toEqual([
      [
        't1',
        {
          type: 'presences',
          changes: [
            { contactId: 'k2', online: true, at: 10 },
            { contactId: 'k3', online: true, at: 20 },
          ],
        },
      ],
    ]);
    // The push opened another window: a change within it waits for its end too.
    hub.presence('t1', 'k4', true);
    expect(seen).toHaveLength(1);
    clock.advance(PRESENCE_PUSH_MS);
    expect(seen.at(-1)).toEqual(['t1', { type: 'presences', changes: [{ contactId: 'k4', online: true, at: PRESENCE_PUSH_MS }] }]);
    // A window with nothing to push closes: the next change goes at once.
    clock.advance(PRESENCE_PUSH_MS);
    hub.presence('t1', 'k4', false);
    expect(seen.at(-1)).toEqual(['t1', { type: 'presences', changes: [{ contactId: 'k4', online: false, at: 3 * PRESENCE_PUSH_MS }] }]);
    hub.close();
  });

  it('pushes only what changed since the last push: a customer back where it left them is not pushed', () => {
    const clock = manualClock();
    const hub = createActivityHub(clock);
    const seen: Activity[] = [];
    hub.subscribe((_t, a) => seen.push(a));
    hub.presence('t1', 'k0', true);
    hub.presence('t1', 'k1', true); // held: came online...
    hub.presence('t1', 'k1', false); // ...and left within the window: nothing to tell
    hub.presence('t1', 'k0', false); // left...
    hub.presence('t1', 'k0', true); // ...and came back: the clients already have it online
    hub.presence('t1', 'k2', true);
    hub.presence('t1', 'k2', false);
    hub.presence('t1', 'k2', true); // online, as held before: still one change
    clock.advance(PRESENCE_PUSH_MS);
    expect(seen).toEqual([
      { type: 'presences', changes: [{ contactId: 'k0', online: true, at: 0 }] },
      { type: 'presences', changes: [{ contactId: 'k2', online: true, at: 0 }] },
    ]);
    expect(hub.online('t1').map((p) => p.contactId)).toEqual(['k0', 'k2']);
    hub.close();
  });

  it('pushes a lapse like any other change, and nothing once closed', () => {
    const clock = manualClock();
    const hub = createActivityHub(clock);
    const seen: Activity[] = [];
    hub.subscribe((_t, a) => seen.push(a));
    hub.presence('t1', 'k1', true);
    clock.advance(PRESENCE_TTL_MS);
    expect(seen.at(-1)).toEqual({ type: 'presences', changes: [{ contactId: 'k1', online: false, at: PRESENCE_TTL_MS }] });
    hub.presence('t1', 'k2', true); // held: the lapse's push opened a window
    hub.close();
    expect(clock.pending()).toEqual([]);
    expect(seen).toHaveLength(2);
  });

  it('keeps presence per tenant and lets it lapse', () => {
    const clock = manualClock();
    const hub = createActivityHub(clock);
    hub.presence('t1', 'k1', true);
    hub.presence('t2', 'k2', true);
    expect(hub.online('t1')).toEqual([{ contactId: 'k1', at: 0 }]);
    clock.advance(PRESENCE_TTL_MS);
    expect(hub.online('t1')).toEqual([]);
    hub.close();
  });
});
