import { describe, expect, it } from 'vitest';
import { ArrivalWindow } from './steady';

describe('ArrivalWindow', () => {
  it('is steady once a whole window saw the rate', () => {
    const w = new ArrivalWindow(1_000, 180);
    expect(w.add(0, 0)).toBe(false);
    expect(w.add(500, 100)).toBe(false); // half a window: too early to say
    expect(w.add(1_000, 200)).toBe(true);
  });

  it('judges only the last window, not a slow start', () => {
    const w = new ArrivalWindow(1_000, 180);
    w.add(0, 0);
    expect(w.add(1_000, 50)).toBe(false); // ramping up
    w.add(1_500, 150);
    expect(w.add(2_000, 250)).toBe(true); // 200 in the last second
  });

  it('is not steady while the rate is short of the threshold', () => {
    const w = new ArrivalWindow(1_000, 180);
    for (let t = 0; t <= 5_000; t += 100) expect(w.add(t, t * 0.15)).toBe(false);
  });
});
