// Benchmarks that must own their process (cold start, memory, load generation) run as children:
// bundled (bundle.ts) and run with plain `node`. Input goes as JSON in argv; the result comes back
// as one marked line on stdout (see childIO.ts). Children still running at exit are killed.
// A child can also be started ahead of its use (`prepareChild`): its process is up and its bundle
// loaded, idle until its input arrives on stdin, so that a step does not wait for a node start
// between its set-up and its measuring.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { bundle } from '../../scripts/lib/bundle';
import { RESULT_MARK } from './childIO';

export type ChildName = 'coldStart' | 'memory' | 'webhookLoad';

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface ChildRun<T> {
  result: Promise<T>;
  /** SIGTERM: children that generate load stop and still report. */
  stop(): void;
}

interface ChildOptions {
  nodeArgs?: string[];
  timeoutMs: number;
}

/** Spawns the child; `input` undefined: the child reads it from stdin (see `prepareChild`). */
function launch<T>(name: ChildName, input: string | undefined, options: ChildOptions) {
  let child: ChildProcess | null = null;
  let stopRequested = false;
  const spawned = bundle(name).then((file) => {
    const proc = spawn(process.execPath, [...(options.nodeArgs ?? []), file, ...(input === undefined ? [] : [input])], {
      stdio: [input === undefined ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    child = proc;
    running.add(proc);
    if (stopRequested) proc.kill('SIGTERM');
    return proc;
  });
  const result = spawned.then(
    (proc) =>
      new Promise<T>((resolve, reject) => {
        const stderr: string[] = [];
        createInterface({ input: proc.stderr! }).on('line', (line) => {
          stderr.push(line);
          if (stderr.length > 30) stderr.shift();
        });
        let value: { v: T } | null = null;
        createInterface({ input: proc.stdout! }).on('line', (line) => {
          if (line.startsWith(RESULT_MARK)) value = { v: JSON.parse(line.slice(RESULT_MARK.length)) as T };
        });
        const timer = setTimeout(() => proc.kill('SIGKILL'), options.timeoutMs);
        proc.once('close', (code, signal) => {
          clearTimeout(timer);
          running.delete(proc);
          if (value) resolve(value.v);
          else reject(new Error(`child ${name} ended (code ${code}, signal ${signal}) without a result: ${stderr.join('\n')}`));
        });
      }),
  );
  const stop = () => {
    stopRequested = true;
    (child as ChildProcess | null)?.kill('SIGTERM');
  };
  return { spawned, result, stop };
}

export function startChild<T>(name: ChildName, input: unknown, options: ChildOptions): ChildRun<T> {
  const { result, stop } = launch<T>(name, JSON.stringify(input), options);
  return { result, stop };
}

export function runChild<T>(name: ChildName, input: unknown, options: ChildOptions): Promise<T> {
  return startChild<T>(name, input, options).result;
}

/** A child started ahead of its input (its side reads it with `childInputFromStdin`). */
export interface PreparedChild<T> {
  /** Sends the input: the child begins its work; at most once. */
  start(input: unknown): ChildRun<T>;
  /** Ends a child that was never started, resolved once it has exited (a started one: its run's `stop`). */
  discard(): Promise<void>;
}

export function prepareChild<T>(name: ChildName, options: ChildOptions): PreparedChild<T> {
  const { spawned, result, stop } = launch<T>(name, undefined, options);
  // A child discarded before it was started reports nothing; nobody awaits that.
  result.catch(() => undefined);
  let started = false;
  return {
    start(input) {
      if (started) throw new Error(`child ${name} was already started`);
      started = true;
      void spawned.then((proc) => {
        // A child that already died cannot take its input; its run reports why.
        proc.stdin?.on('error', () => undefined);
        proc.stdin?.end(`${JSON.stringify(input)}\n`);
      });
      return { result, stop };
    },
    async discard() {
      if (started) return;
      stop();
      await result.catch(() => undefined);
    },
  };
}
