// Child processes that announce readiness with one JSON line on stdout: the demo backend and host
// mode for `npm start`, and the same processes for the test harness (testing/). Every child is
// tracked so that Ctrl+C, SIGTERM or a crash of the parent stops them all.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

const children = new Set<ChildProcess>();

export interface ReadyChild {
  child: ChildProcess;
  /** The value of `readyKey` in the child's ready line. */
  value: string;
  /** The whole ready line. */
  line: Record<string, unknown>;
}

export interface SpawnUntilReadyOptions {
  /** Names the child in error messages. */
  name: string;
  readyKey: string;
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Where the child's output goes; without it, the last stderr lines are kept for errors. */
  logFile?: string;
  /** 'pipe' keeps stdin open as a lifeline: a child that watches it exits when this process dies. */
  stdin?: 'ignore' | 'pipe';
}

const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/** Lines of a child's output quoted in an error message. */
const RECENT_LINES = 40;

/** The last lines of a log file, for an error message. */
function tail(file: string, lines = RECENT_LINES): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Sends a child's output to its log file, or keeps its recent stderr in memory. */
function captureOutput(child: ChildProcess, logFile: string | undefined): { write(line: string): void; recent(): string } {
  if (logFile !== undefined) {
    mkdirSync(path.dirname(logFile), { recursive: true });
    const log = createWriteStream(logFile, { flags: 'a' });
    child.stderr?.pipe(log);
    return { write: (line) => log.write(`${line}\n`), recent: () => `(log: ${logFile})\n${tail(logFile)}` };
  }
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderr.push(line);
    if (stderr.length > RECENT_LINES) stderr.shift();
  });
  return { write: () => undefined, recent: () => stderr.join('\n') };
}

export function spawnUntilReady(command: string, args: string[], options: SpawnUntilReadyOptions): Promise<ReadyChild> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  const output = captureOutput(child, options.logFile);

  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (reason: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stopChild(child);
      reject(new Error(`${options.name} ${reason}.\n${output.recent()}`));
    };
    const timer = setTimeout(() => fail('did not start in time'), options.timeoutMs ?? 60_000);
    child.on('error', (error) => fail(`could not run ${command}: ${error.message}`));
    child.on('exit', (code, signal) => fail(`exited early with ${signal ?? `code ${code}`}`));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output.write(line);
      if (settled) return;
      try {
        const parsed = JSON.parse(line) as Record<string, unknown>;
        const value = parsed[options.readyKey];
        if (typeof value === 'string') {
          settled = true;
          clearTimeout(timer);
          resolve({ child, value, line: parsed });
        }
      } catch {
        // Not the ready line.
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

/** Sends `signal` (SIGTERM by default) and waits for the exit; SIGKILL after `graceMs`. */
export function stopChild(child: ChildProcess, options: { signal?: NodeJS.Signals; graceMs?: number } = {}): Promise<void> {
  if (!running(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), options.graceMs ?? 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(options.signal ?? 'SIGTERM');
  });
}

export async function stopAll(): Promise<void> {
  await Promise.all([...children].map((child) => stopChild(child)));
}

/** Last resort when the parent exits abruptly: no child outlives it. */
export function killChildren(): void {
  for (const child of children) if (running(child)) child.kill('SIGKILL');
}
process.on('exit', killChildren);
