import { describe, expect, it } from 'vitest';
import { createRng, hashSeed, uuid7 } from './prng';

describe('createRng', () => {
  it('is deterministic per seed and stays in range', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 1_000 }, () => a.next());
    expect(Array.from({ length: 1_000 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(createRng(43).next()).not.toBe(xs[0]);
  });

  it('draws hex digits as the zero-padded hexadecimal text of each draw, cut to length', () => {
    // The dataset's ids, and so every benchmark's rows, depend on exactly these digits.
    const a = createRng(7);
    const b = createRng(7);
    const word = () => Math.floor(b.next() * 0x100000000).toString(16).padStart(8, '0');
    for (const digits of [1, 3, 8, 12, 16, 20]) {
      let expected = '';
      while (expected.length < digits) expected += word();
      expect(a.hex(digits)).toBe(expected.slice(0, digits));
    }
  });

  it('derives different streams from different parts', () => {
    expect(hashSeed('ab', 'c')).not.toBe(hashSeed('a', 'bc'));
    expect(hashSeed(1, 'conversation', 7)).toBe(hashSeed(1, 'conversation', 7));
  });
});

describe('uuid7', () => {
  it('is UUID-shaped and ordered by its timestamp', () => {
    const rng = createRng(1);
    const early = uuid7(Date.UTC(2024, 0, 1), rng);
    const late = uuid7(Date.UTC(2025, 0, 1), rng);
    expect(early).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(early < late).toBe(true);
  });
});
