import { describe, expect, it } from 'vitest';
import { prepareChild } from './child';
import type { LoadResult } from './load';
import { closedPort } from './ports';

describe('prepareChild', () => {
  it('runs a child started ahead of its input once the input arrives', async () => {
    const child = prepareChild<LoadResult>('webhookLoad', { timeoutMs: 60_000 });
    const input = { url: `http://127.0.0.1:${await closedPort()}`, tenant: 't', secret: 's', rate: 100, seconds: 0.2, customers: 10 };
    const result = await child.start(input).result;
    expect(result.sent).toBeGreaterThan(0);
    expect(result.failed).toBe(result.sent);
    expect(() => child.start(input)).toThrow(/already started/);
    await child.discard(); // a started child is its run's to stop: nothing happens
  });

  it('ends a child that is discarded before its input', async () => {
    const child = prepareChild<LoadResult>('webhookLoad', { timeoutMs: 60_000 });
    await child.discard(); // resolves once the process has exited
  });
});
