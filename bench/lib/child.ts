// Benchmarks that must own their process (cold start, memory, load generation) run as children.
// Each child script is bundled with esbuild the way the app's main process is (everything but
// native modules inlined) and run with plain `node`, so its start-up time and memory are those of
// a built app rather than of a TypeScript loader. Input goes as JSON in argv; the result comes back
// as one marked line on stdout (see childIO.ts). Children still running at exit are killed.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { BUILT_WRITER_ENTRY } from '../../main/core/writer/batchWriter';
import { RESULT_MARK } from './childIO';

const BENCH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Under the repository (so that node_modules resolves) and git-ignored. */
const OUT_DIR = path.join(BENCH, 'results', '.build');
const RUNTIME_EXTERNALS = ['electron', 'better-sqlite3', 'bufferutil', 'utf-8-validate'];

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

const bundles = new Map<string, Promise<string>>();

/** The core's writer thread, built beside the children as the app's build puts it beside main. */
let writerBundle: Promise<unknown> | null = null;
function bundleWriter(): Promise<unknown> {
  writerBundle ??= build({
    entryPoints: [path.join(BENCH, '..', 'main', 'core', 'writer', 'worker.ts')],
    outfile: path.join(OUT_DIR, BUILT_WRITER_ENTRY),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: RUNTIME_EXTERNALS,
    logLevel: 'warning',
  });
  return writerBundle;
}

/** bench/children/<name>.ts bundled to an ES module, once per run. */
function bundle(name: string): Promise<string> {
  let out = bundles.get(name);
  if (!out) {
    const outfile = path.join(OUT_DIR, `${name}.mjs`);
    out = build({
      entryPoints: [path.join(BENCH, 'children', `${name}.ts`)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: RUNTIME_EXTERNALS,
      // Bundled CommonJS dependencies call require(); give the ES module one.
      banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
      logLevel: 'warning',
    })
      .then(bundleWriter)
      .then(() => outfile);
    bundles.set(name, out);
  }
  return out;
}

export interface ChildRun<T> {
  result: Promise<T>;
  /** SIGTERM: children that generate load stop and still report. */
  stop(): void;
}

export function startChild<T>(name: string, input: unknown, options: { nodeArgs?: string[]; timeoutMs: number }): ChildRun<T> {
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

export function runChild<T>(name: string, input: unknown, options: { nodeArgs?: string[]; timeoutMs: number }): Promise<T> {
  return startChild<T>(name, input, options).result;
}
