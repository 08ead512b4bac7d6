import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

const policy = { baseMs: 100, maxMs: 2_000 };

describe('backoffDelay', () => {
  it('doubles per attempt and stays within the jitter band', () => {
    expect(backoffDelay(1, policy, 0.999)).toBeLessThanOrEqual(100);
    expect(backoffDelay(1, policy, 0)).toBe(50);
    expect(backoffDelay(3, policy, 0)).toBe(200);
    expect(backoffDelay(3, policy, 0.5)).toBe(300);
  });
  it('never exceeds the cap, however many attempts', () => {
    expect(backoffDelay(50, policy, 0.999)).toBeLessThanOrEqual(2_000);
    expect(backoffDelay(1_000, policy, 0)).toBe(1_000);
  });
});
