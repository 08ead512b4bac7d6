// Child processes for `npm start`: each announces readiness with one JSON line on stdout; human
// logs go to a file. Every child is tracked so that Ctrl+C, SIGTERM or a crash of the launcher
// stops them all.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

const children = new Set<ChildProcess>();

export interface ReadyChild {
  child: ChildProcess;
  /** The value of `readyKey` in the child's ready line. */
  value: string;
}

const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/** The last lines of a log file, for an error message. */
function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

export function spawnUntilReady(
  command: string,
  args: string[],
  options: { name: string; readyKey: string; logFile: string; cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<ReadyChild> {
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  child.stderr?.pipe(log);

  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (reason: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stopChild(child);
      const recent = tail(options.logFile);
      reject(new Error(`${options.name} ${reason} (log: ${options.logFile})${recent ? `\n${recent}` : ''}`));
    };
    const timer = setTimeout(() => fail('did not start in time'), options.timeoutMs ?? 60_000);
    child.on('error', (error) => fail(`could not run ${command}: ${error.message}`));
    child.on('exit', (code, signal) => fail(`exited early with ${signal ?? `code ${code}`}`));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      log.write(`${line}\n`);
      if (settled) return;
      try {
        const parsed = JSON.parse(line) as Record<string, unknown>;
        const value = parsed[options.readyKey];
        if (typeof value === 'string') {
          settled = true;
          clearTimeout(timer);
          resolve({ child, value });
        }
      } catch {
        // Not the ready line: it is kept in the log.
      }
    });
  });
}

/** Runs a command to completion with inherited output; rejects on a non-zero exit. */
export function runToCompletion(command: string, args: string[], options: SpawnOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    children.add(child);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(command)} ${args.join(' ')} failed with ${signal ?? `code ${code}`}`));
    });
  });
}

/** SIGTERM, then SIGKILL if the child has not exited after `graceMs`. */
export function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (!running(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function stopAll(): Promise<void> {
  await Promise.all([...children].map((child) => stopChild(child)));
}

/** Last resort when the launcher itself exits abruptly: no child outlives it. */
process.on('exit', () => {
  for (const child of children) if (running(child)) child.kill('SIGKILL');
});
