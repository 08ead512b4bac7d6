import { describe, expect, it } from 'vitest';
import { Prepared } from './prepared';

function counted() {
  const calls = { start: 0, end: 0 };
  const prepared = new Prepared(
    'a backend',
    async () => ++calls.start,
    async () => void calls.end++,
  );
  return { calls, prepared };
}

describe('Prepared', () => {
  it('sets up once, whether begun early or on first use', async () => {
    const { calls, prepared } = counted();
    await prepared.begin();
    expect(await prepared.get()).toBe(1);
    expect(await prepared.get()).toBe(1);
    expect(calls.start).toBe(1);
  });

  it('stops once, and only what was set up', async () => {
    const { calls, prepared } = counted();
    await prepared.stop();
    expect(calls).toEqual({ start: 0, end: 0 });
    await expect(prepared.get()).rejects.toThrow(/already stopped/);

    const other = counted();
    await other.prepared.get();
    await other.prepared.stop();
    await other.prepared.stop();
    expect(other.calls).toEqual({ start: 1, end: 1 });
  });

  it('leaves a failed set-up to its user, and has nothing to stop', async () => {
    let ended = false;
    const prepared = new Prepared<number>('a host', () => Promise.reject(new Error('port in use')), async () => void (ended = true));
    await expect(prepared.begin()).resolves.toBeUndefined();
    await expect(prepared.get()).rejects.toThrow('port in use');
    await prepared.stop();
    expect(ended).toBe(false);
  });
});
