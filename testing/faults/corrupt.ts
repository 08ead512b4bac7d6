// Damages a SQLite file in place, the way a bad disk or a half-written copy would: garbage over
// the header, or over every page after the first (schema page intact, table pages unreadable).
import fs from 'node:fs';
import { createPrng } from './prng';

const PAGE = 4_096;

function garbage(length: number, seed: number): Buffer {
  const random = createPrng(seed);
  return Buffer.from(Array.from({ length }, () => random.int(0, 255)));
}

export function corruptFile(file: string, how: 'header' | 'pages', seed = 1): void {
  const size = fs.statSync(file).size;
  if (size < 2 * PAGE) throw new Error(`${file} is too small (${size} bytes) to corrupt meaningfully`);
  const fd = fs.openSync(file, 'r+');
  try {
    if (how === 'header') fs.writeSync(fd, garbage(PAGE, seed), 0, PAGE, 0);
    else fs.writeSync(fd, garbage(size - PAGE, seed), 0, size - PAGE, PAGE);
  } finally {
    fs.closeSync(fd);
  }
}
