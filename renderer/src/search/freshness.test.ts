import { describe, expect, it } from 'vitest';
import { enterAction, isCurrent, pendingEnter, sameAsked } from './freshness';

const asked = (text: string, filters = '{}') => ({ text, filters });

describe('isCurrent', () => {
  it('holds only when the debounced search has caught up with what is typed and the results answer it', () => {
    expect(isCurrent(asked('届いて'), asked('届いて'), asked('届いて'))).toBe(true);
    // Typed past the debounce: the results answer an earlier search.
    expect(isCurrent(asked('届いて'), asked('xylophone'), asked('xylophone'))).toBe(false);
    // Debounced, but the answer is still on its way: the previous one is on screen.
    expect(isCurrent(asked('届いて'), asked('届いて'), asked('xylophone'))).toBe(false);
    // Typed back to what the results answer before the debounce caught up: the server's hits
    // would still answer the other search.
    expect(isCurrent(asked('ab'), asked('abc'), asked('ab'))).toBe(false);
    // Nothing answered yet.
    expect(isCurrent(asked('ab'), asked('ab'), null)).toBe(false);
  });

  it('counts the filters as part of the search', () => {
    expect(isCurrent(asked('parcel', '{"channel":"sms"}'), asked('parcel', '{"channel":"sms"}'), asked('parcel'))).toBe(false);
    expect(sameAsked(asked('a', '{"x":1}'), asked('a', '{"x":1}'))).toBe(true);
    expect(sameAsked(asked('a'), null)).toBe(false);
  });
});

describe('Enter', () => {
  it('opens on current results, waits on stale ones, and only opens the panel when it is closed', () => {
    expect(enterAction(true, true)).toBe('open');
    expect(enterAction(true, false)).toBe('wait');
    expect(enterAction(false, false)).toBe('expand');
    expect(enterAction(false, true)).toBe('expand');
  });

  it('once waiting, opens when the answer to what it was pressed for arrives and is dropped when the agent types on', () => {
    expect(pendingEnter(asked('届いて'), asked('届いて'), false)).toBe('wait');
    expect(pendingEnter(asked('届いて'), asked('届いて'), true)).toBe('open');
    expect(pendingEnter(asked('届いて'), asked('届いていま'), false)).toBe('drop');
    expect(pendingEnter(asked('届いて'), asked('届いて', '{"channel":"sms"}'), true)).toBe('drop');
  });
});
