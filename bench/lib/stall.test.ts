import { afterEach, describe, expect, it, vi } from 'vitest';
import { startStallProbe } from './stall';

afterEach(() => {
  vi.useRealTimers();
});

describe('startStallProbe', () => {
  it('reports the longest gap between its turns, less the time the feed spent in it', () => {
    vi.useFakeTimers();
    let now = 0;
    let feedBusy = 0;
    const probe = startStallProbe(() => feedBusy, () => now);
    now = 2;
    vi.advanceTimersByTime(1);
    // 120 ms without a turn, 90 of them generating the feed's answer: the core held it for 30.
    now = 122;
    feedBusy = 90;
    vi.advanceTimersByTime(1);
    // 70 ms, all of it the core's.
    now = 192;
    vi.advanceTimersByTime(1);
    now = 193;
    expect(probe.stop()).toEqual({ maxMs: 70, over50: 1, maxCpuMs: null });
  });
});

describe('startStallProbe with the thread CPU time', () => {
  it('also reports the most CPU time the thread itself used within one gap, less the feed', () => {
    vi.useFakeTimers();
    let now = 0;
    let cpu = 0;
    let feedBusy = 0;
    const probe = startStallProbe(() => feedBusy, () => now, () => cpu);
    // 300 ms off the core (a loaded machine), 40 of them working, 10 of those for the feed.
    now = 300;
    cpu = 40;
    feedBusy = 10;
    vi.advanceTimersByTime(1);
    now = 301;
    expect(probe.stop()).toEqual({ maxMs: 290, over50: 1, maxCpuMs: 30 });
  });
});
