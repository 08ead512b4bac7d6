// What the harness leaves behind must go when the test process goes: its child processes and its
// temporary folders. Test runners end their workers with a signal, which skips 'exit' handlers,
// so the cleanup also runs on those signals before letting the signal take its course.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { killChildren } from '../scripts/lib/processes';

export { ROOT } from '../scripts/lib/paths';

const temporaryDirs = new Set<string>();

function cleanUp(): void {
  killChildren();
  for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
  temporaryDirs.clear();
}
process.on('exit', cleanUp);
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
  process.once(signal, () => {
    cleanUp();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  });
}

/** A new folder under the OS temp dir, removed when the test process exits. */
export function temporaryDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `${prefix.replace(/[^a-z0-9-]+/gi, '-')}-`));
  temporaryDirs.add(dir);
  return dir;
}

/** Removes a temporary folder now rather than at exit. */
export function removeTemporaryDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  temporaryDirs.delete(dir);
}
