// Benchmarks that must own their process (cold start, memory, load generation) run as children:
// bundled (bundle.ts) and run with plain `node`. Input goes as JSON in argv; the result comes back
// as one marked line on stdout (see childIO.ts). Children still running at exit are killed.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { bundle } from './bundle';
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

export function startChild<T>(name: ChildName, input: unknown, options: { nodeArgs?: string[]; timeoutMs: number }): ChildRun<T> {
  let child: ChildProcess | null = null;
  let stopRequested = false;
  const result = bundle(name).then(
    (file) =>
      new Promise<T>((resolve, reject) => {
        const proc = spawn(process.execPath, [...(options.nodeArgs ?? []), file, JSON.stringify(input)], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        child = proc;
        running.add(proc);
        if (stopRequested) proc.kill('SIGTERM');
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
  return {
    result,
    stop: () => {
      stopRequested = true;
      (child as ChildProcess | null)?.kill('SIGTERM');
    },
  };
}

export function runChild<T>(name: ChildName, input: unknown, options: { nodeArgs?: string[]; timeoutMs: number }): Promise<T> {
  return startChild<T>(name, input, options).result;
}
