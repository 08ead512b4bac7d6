// Row ids: valid UUIDv7 strings carrying their time, strictly increasing within a process (ties
// between rows are broken by id), random where the standard says so, and the pool refilled.
import { validate, version } from 'uuid';
import { describe, expect, it } from 'vitest';
import { createIdGenerator } from './ids';

const timeOf = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

describe('createIdGenerator', () => {
  it('makes valid version 7 UUIDs with the time in their first 48 bits', () => {
    const newId = createIdGenerator({ now: () => 1_763_000_000_123 });
    for (let i = 0; i < 100; i++) {
      const id = newId();
      expect(validate(id)).toBe(true);
      expect(version(id)).toBe(7);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(timeOf(id)).toBe(1_763_000_000_123);
    }
  });

  it('counts up within a millisecond, across milliseconds and when the clock steps back', () => {
    const times = [5, 5, 5, 6, 6, 4, 4, 7, ...Array.from({ length: 5_000 }, () => 8)];
    let i = 0;
    const newId = createIdGenerator({ now: () => times[Math.min(i++, times.length - 1)] ?? 0 });
    const ids = times.map(() => newId());
    for (let k = 1; k < ids.length; k++) expect((ids[k] ?? '') > (ids[k - 1] ?? '')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    // A clock that stepped back keeps the last time.
    expect(ids.slice(3, 7).map(timeOf)).toEqual([6, 6, 6, 6]);
  });

  it('takes its randomness from the pool and refills it when used up', () => {
    let fills = 0;
    const newId = createIdGenerator({ now: () => 1, fill: (bytes) => void (fills++, bytes.fill(fills * 17)) });
    const first = newId();
    expect(fills).toBe(1);
    // The last five bytes are the pool's: 17 = 0x11.
    expect(first.slice(-10)).toBe('1111111111');
    for (let k = 0; k < 1_000; k++) newId();
    expect(fills).toBeGreaterThan(1);
    expect(newId().slice(-10)).not.toBe('1111111111');
  });
});
