// Incremental builds by modification time: an output is up to date when it exists and is newer
// than every source file that goes into it.
import { readdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';

const statOrNull = (file: string): Stats | null => {
  try {
    return statSync(file);
  } catch {
    return null;
  }
};

/** Newest mtime among files under `roots` (files or directories) that `include` accepts. */
export function newestMtime(roots: string[], include: (file: string) => boolean): number {
  let newest = 0;
  const visit = (entry: string) => {
    const stats = statOrNull(entry);
    if (stats === null) return;
    if (stats.isDirectory()) {
      for (const name of readdirSync(entry)) {
        if (name !== 'node_modules' && !name.startsWith('.')) visit(path.join(entry, name));
      }
    } else if (include(entry)) {
      newest = Math.max(newest, stats.mtimeMs);
    }
  };
  for (const root of roots) visit(root);
  return newest;
}

/** Oldest mtime among `outputs`, or 0 when any of them is missing. */
export function oldestMtime(outputs: string[]): number {
  const times = outputs.map((file) => statOrNull(file)?.mtimeMs ?? 0);
  return times.length === 0 ? 0 : Math.min(...times);
}

export const isSourceFile = (file: string) => !/\.(test|spec|faults\.test)\.tsx?$/.test(file);
