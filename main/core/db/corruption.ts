// Recognising a broken cache file and moving it out of the way. The cache is disposable: a corrupt
// file is kept beside the new one (for a bug report), never repaired in place.
import fs from 'node:fs';

const CORRUPTION_CODES = ['SQLITE_CORRUPT', 'SQLITE_NOTADB'];

/** True for errors that mean the database file itself is damaged (not a bug in a query). */
export function isCorruptionError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && CORRUPTION_CODES.some((c) => code === c || code.startsWith(`${c}_`));
}

/**
 * Renames the database file and its WAL/SHM companions to `<file>.<why>-<timestamp>[-wal|-shm]`.
 * Returns the new path of the main file (or null when there was no file).
 */
export function moveAside(file: string, now: number, why: 'corrupt' | 'newer' = 'corrupt'): string | null {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const target = `${file}.${why}-${stamp}`;
  let moved: string | null = null;
  for (const suffix of ['', '-wal', '-shm']) {
    if (!fs.existsSync(file + suffix)) continue;
    fs.renameSync(file + suffix, target + suffix);
    if (suffix === '') moved = target;
  }
  return moved;
}
