import { describe, expect, it } from 'vitest';
import { Phases } from './phases';

describe('Phases', () => {
  it('splits time between marks and adds repeated names', () => {
    let now = 1_000;
    const phases = new Phases(() => now);
    now += 1_500;
    phases.mark('start');
    now += 250;
    phases.mark('measure');
    now += 500;
    phases.mark('start');
    expect(phases.toJSON()).toEqual({ start: 2, measure: 0.25 });
    expect(phases.text()).toBe('start 2.00 · measure 0.250');
  });

  it('is empty before the first mark', () => {
    expect(new Phases(() => 0).text()).toBe('');
  });
});
