import { describe, expect, it } from 'vitest';
import { bundleIsFresh, type BundleRecord } from './bundle';

const record: BundleRecord = { recipe: 'r', startedAt: 1_000, inputs: ['/a.ts', '/b.ts'] };
const times = (t: Record<string, number>) => (file: string) => t[file] ?? null;

describe('bundleIsFresh', () => {
  it('reuses a bundle whose inputs are all older than its build', () => {
    expect(bundleIsFresh(record, 'r', true, times({ '/a.ts': 10, '/b.ts': 999 }))).toBe(true);
  });

  it('rebuilds when an input changed during or after the build', () => {
    expect(bundleIsFresh(record, 'r', true, times({ '/a.ts': 10, '/b.ts': 1_000 }))).toBe(false);
    expect(bundleIsFresh(record, 'r', true, times({ '/a.ts': 10, '/b.ts': 5_000 }))).toBe(false);
  });

  it('rebuilds when an input is gone, the output is missing, the options differ or nothing was recorded', () => {
    expect(bundleIsFresh(record, 'r', true, times({ '/a.ts': 10 }))).toBe(false);
    expect(bundleIsFresh(record, 'r', false, times({ '/a.ts': 10, '/b.ts': 10 }))).toBe(false);
    expect(bundleIsFresh(record, 'other', true, times({ '/a.ts': 10, '/b.ts': 10 }))).toBe(false);
    expect(bundleIsFresh(null, 'r', true, times({}))).toBe(false);
    expect(bundleIsFresh({ ...record, inputs: [] }, 'r', true, times({}))).toBe(false);
  });
});
