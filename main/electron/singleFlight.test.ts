import { describe, expect, it } from 'vitest';
import { singleFlight } from './singleFlight';

describe('singleFlight', () => {
  it('folds calls made during a run into one more run, and reports failures without stopping', async () => {
    const gates: (() => void)[] = [];
    const errors: unknown[] = [];
    let runs = 0;
    const refresh = singleFlight(
      () =>
        new Promise<void>((resolve, reject) => {
          runs += 1;
          gates.push(runs === 1 ? () => reject(new Error('offline')) : resolve);
        }),
      (error) => errors.push(error),
    );
    refresh();
    refresh();
    refresh();
    expect(runs).toBe(1);
    gates.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toBe(2);
    expect(errors).toHaveLength(1);
    gates.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    refresh();
    expect(runs).toBe(3);
  });
});
