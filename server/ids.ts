// New row ids: UUIDv7 (RFC 9562), time-ordered like the `uuid` package's v7, which drew 16 fresh
// bytes from the OS for every id (three or four ids per inbound message). Here the random bytes
// come from a pool refilled a few kilobytes at a time. Ids are strictly increasing within a
// process: within one millisecond a 31-bit counter (started at a random value) counts up, and a
// clock that steps back keeps the last time, as the `uuid` package does.
import { randomFillSync } from 'node:crypto';

const POOL_BYTES = 4096;
/** Random bytes one id takes: four to start the counter, six for the tail. */
const ID_RANDOM_BYTES = 10;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function createIdGenerator(options: { now?: () => number; fill?: (bytes: Uint8Array) => void } = {}): () => string {
  const now = options.now ?? Date.now;
  const fill = options.fill ?? ((bytes: Uint8Array) => void randomFillSync(bytes));
  const pool = new Uint8Array(POOL_BYTES);
  let used = POOL_BYTES;
  let lastMs = -Infinity;
  let counter = 0;
  const bytes = new Uint8Array(16);

  return () => {
    if (used + ID_RANDOM_BYTES > POOL_BYTES) {
      fill(pool);
      used = 0;
    }
    const r = used;
    used += ID_RANDOM_BYTES;
    const at = now();
    if (at > lastMs) {
      lastMs = at;
      // The top bit stays clear, so the counter has room to count up within the millisecond.
      counter = (((pool[r] ?? 0) & 0x7f) << 24) | ((pool[r + 1] ?? 0) << 16) | ((pool[r + 2] ?? 0) << 8) | (pool[r + 3] ?? 0);
    } else {
      counter = (counter + 1) | 0;
      // 2^31 ids in one millisecond: borrow the next one.
      if (counter === 0) lastMs++;
    }
    const ms = lastMs;
    bytes[0] = (ms / 0x10000000000) & 0xff;
    bytes[1] = (ms / 0x100000000) & 0xff;
    bytes[2] = (ms / 0x1000000) & 0xff;
    bytes[3] = (ms / 0x10000) & 0xff;
    bytes[4] = (ms / 0x100) & 0xff;
    bytes[5] = ms & 0xff;
    bytes[6] = 0x70 | ((counter >>> 28) & 0x0f);
    bytes[7] = (counter >>> 20) & 0xff;
    bytes[8] = 0x80 | ((counter >>> 14) & 0x3f);
    bytes[9] = (counter >>> 6) & 0xff;
    bytes[10] = ((counter << 2) & 0xff) | ((pool[r + 4] ?? 0) & 0x03);
    for (let i = 11; i < 16; i++) bytes[i] = pool[r + i - 6] ?? 0;
    let id = '';
    for (let i = 0; i < 16; i++) {
      id += HEX[bytes[i] ?? 0];
      if (i === 3 || i === 5 || i === 7 || i === 9) id += '-';
    }
    return id;
  };
}
