import { describe, expect, it } from 'vitest';
import type { Activity } from '../../shared/protocol';
import { manualClock } from '../../testing/manualClock';
import { createActivityHub, PRESENCE_TTL_MS, TYPING_TTL_MS } from './hub';

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
