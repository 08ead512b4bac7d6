// A small seeded PRNG (mulberry32) and helpers, so every dataset is the same on every run and can
// be regenerated piece by piece (one stream per conversation) without holding it in memory.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** Integer in [min, max] inclusive. */
  range(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Lowercase hex digits. */
  hex(digits: number): string;
}

/** FNV-1a over the parts, for deriving independent seeds (e.g. one per conversation). */
export function hashSeed(...parts: Array<string | number>): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const s = String(part);
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x1f; // separator, so ('ab', 'c') differs from ('a', 'bc')
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const HEX_DIGITS = '0123456789abcdef';

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    range: (min, max) => min + int(max - min + 1),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(items.length)] as T;
    },
    // Each 32-bit draw gives up to 8 digits, most significant first (as its zero-padded
    // hexadecimal text would), read off by nibble: the dataset makes millions of these.
    hex: (digits) => {
      let s = '';
      for (let left = digits; left > 0; left -= 8) {
        const u = Math.floor(next() * 0x100000000);
        for (let k = 0, n = Math.min(8, left); k < n; k++) s += HEX_DIGITS[(u >>> (28 - 4 * k)) & 15];
      }
      return s;
    },
  };
}

/** A UUIDv7-shaped id (time-ordered like the server's ids) from a timestamp and the stream. */
export function uuid7(ms: number, rng: Rng): string {
  const t = Math.floor(ms).toString(16).padStart(12, '0');
  const variant = (8 + rng.int(4)).toString(16);
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${rng.hex(3)}-${variant}${rng.hex(3)}-${rng.hex(12)}`;
}
