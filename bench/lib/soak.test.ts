import { describe, expect, it } from 'vitest';
import { SOAK_INTERVALS, soakPlan } from './soak';

/** The sample times a soak takes (the child samples at 0, then every interval up to the end). */
const sampleTimes = (soakSeconds: number) => {
  const { intervalS } = soakPlan(soakSeconds);
  const times: number[] = [];
  for (let k = 0; k * intervalS <= soakSeconds + 1e-9; k++) times.push(k * intervalS);
  return times;
};
const slopeSamples = (soakSeconds: number) => sampleTimes(soakSeconds).filter((t) => t >= soakPlan(soakSeconds).skipS).length;

describe('soakPlan', () => {
  it('samples each second over a long soak, skipping its first 5 s', () => {
    expect(soakPlan(600)).toEqual({ intervalS: 1, skipS: 5 });
    expect(slopeSamples(600)).toBe(596);
  });

  it('gives a short soak as many samples as a 10 s soak sampled each second', () => {
    expect(soakPlan(10)).toEqual({ intervalS: 1, skipS: 10 / 3 });
    expect(soakPlan(5).intervalS).toBe(0.5);
    expect(sampleTimes(5)).toHaveLength(SOAK_INTERVALS + 1);
    expect(slopeSamples(5)).toBe(slopeSamples(10));
    expect(slopeSamples(5)).toBe(7);
  });
});
