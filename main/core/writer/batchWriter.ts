// Where the sync engine's heavy cache writes run. A bootstrap page or a catch-up page is one
// transaction of up to a few hundred milliseconds; on the core's own thread (Electron's main
// process) nothing else runs meanwhile, so the core hands them to a worker thread with its own
// connection to the same WAL files and awaits the result. The in-thread writer does the same work
// on the caller's connection, behind the same interface (tests, tools).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type * as Esbuild from 'esbuild';
import type { DbFiles } from '../db/open';
import type { Logger } from '../ports';
import type { Store } from '../store';
import { fromWire, jobToWire, runWriteJob, type FromWriter, type ToWriter, type WriteJob, type WriteResult } from './job';
import type { WriterWorkerData } from './worker';

export interface BatchWriter {
  /** Runs one job as one transaction; jobs run in the order they were given. */
  write(job: WriteJob): Promise<WriteResult>;
  /**
   * Gets ready for the first job now (a writer with its own thread starts it and opens its
   * connection), so that a catch-up's first batch does not wait for that.
   */
  warm?(): void;
  /**
   * Finishes the job in progress and closes the writer's connection before it returns, so the
   * cache file can be moved aside right after (a connection closing later would delete the new
   * file's WAL by name). Jobs given afterwards are refused.
   */
  close(): void;
}

/** Makes the writer for one open cache (`store` is the main thread's connection to it). */
export type BatchWriterFactory = (files: DbFiles, store: Store, log: Logger) => BatchWriter;

export const inThreadWriter: BatchWriterFactory = (_files, store) => {
  let closed = false;
  return {
    write: (job) => {
      if (closed) return Promise.reject(new Error('The cache writer is closed.'));
      try {
        return Promise.resolve(runWriteJob(store, job));
      } catch (e) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
    },
    close: () => {
      closed = true;
    },
  };
};

/** The worker's file name in the built app, beside the main bundle (see scripts/lib/build.ts). */
export const BUILT_WRITER_ENTRY = 'cacheWriter.cjs';

let sourceBundle: string | null = null;

/**
 * What to start the worker thread with: the built worker beside this code (the app's bundle), or
 * else, running from the TypeScript sources (tests, host mode, benchmarks), the worker bundled
 * once per process by esbuild and handed over as code. (tsx's loader hooks do not reach worker
 * threads on every supported Node, and loading the sources through tsx costs seconds per thread.)
 */
export function writerEntry(): { script: string; eval: boolean } {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const built = path.join(here, BUILT_WRITER_ENTRY);
  if (fs.existsSync(built)) return { script: built, eval: false };
  if (sourceBundle === null) {
    // A development-only dependency, so required at run time where the app's bundler cannot see it.
    const require = createRequire(import.meta.url);
    const esbuild = require('esbuild') as typeof Esbuild;
    const out = esbuild.buildSync({
      entryPoints: [path.join(here, 'worker.ts')],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['better-sqlite3'],
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]?.text ?? '';
    // Code run with `eval` resolves modules from the working directory; these resolve from here.
    sourceBundle = `(function (require) {\n${code}\n})(require('node:module').createRequire(${JSON.stringify(path.join(here, 'worker.ts'))}));`;
  }
  return { script: sourceBundle, eval: true };
}

/** How long close() waits for a job in progress before it stops the thread regardless. */
const CLOSE_WAIT_MS = 30_000;

/** Waits until the worker sets the flag; false on timeout. */
function waitForFlag(flag: Int32Array, timeoutMs: number): boolean {
  try {
    return Atomics.wait(flag, 0, 0, timeoutMs) !== 'timed-out';
  } catch {
    // A thread where Atomics.wait is not allowed: poll instead (rare path: shutdown, rebuild).
    const deadline = Date.now() + timeoutMs;
    while (Atomics.load(flag, 0) === 0) if (Date.now() > deadline) return false;
    return true;
  }
}

interface Pending {
  resolve(summary: WriteResult): void;
  reject(error: Error): void;
}

class WorkerWriter implements BatchWriter {
  private worker: Worker | null = null;
  private closedFlag: Int32Array | null = null;
  private closed = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly files: DbFiles,
    private readonly log: Logger,
  ) {}

  write(job: WriteJob): Promise<WriteResult> {
    if (this.closed) return Promise.reject(new Error('The cache writer is closed.'));
    const worker = this.worker ?? this.spawn();
    const id = this.nextId++;
    return new Promise<WriteResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ type: 'job', id, job: jobToWire(job) } satisfies ToWriter);
    });
  }

  warm(): void {
    if (this.closed || this.worker) return;
    // Started ahead of any job, it must not keep the process alive on its own.
    this.spawn().unref();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    const worker = this.worker;
    const flag = this.closedFlag;
    if (!worker || !flag) return;
    worker.postMessage({ type: 'close' } satisfies ToWriter);
    // Blocks this thread for at most the job in progress: the writer answers `close` right after it.
    if (!waitForFlag(flag, CLOSE_WAIT_MS)) {
      this.log.error('The cache writer did not stop in time; stopping its thread');
      void worker.terminate();
    }
  }

  private spawn(): Worker {
    const entry = writerEntry();
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const data: WriterWorkerData = { files: this.files, closed: flag };
    const worker = new Worker(entry.script, { eval: entry.eval, workerData: data });
    worker.on('message', (message: FromWriter) => this.received(message));
    worker.on('error', (e) => this.log.error('The cache writer failed', { error: String(e) }));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      // A thread that died mid-job rolled its transaction back: the caller retries from the cursor.
      this.rejectAll(new Error(`The cache writer stopped (exit code ${code}).`));
    });
    this.worker = worker;
    this.closedFlag = flag;
    return worker;
  }

  private received(message: FromWriter): void {
    if (message.type === 'log') {
      this.log[message.level](message.message, message.fields);
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (message.type === 'done') pending.resolve(message.result);
    else pending.reject(fromWire(message.error));
  }

  private rejectAll(error: Error): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const p of all) p.reject(error);
  }
}

export const workerWriter: BatchWriterFactory = (files, _store, log) => new WorkerWriter(files, log);
