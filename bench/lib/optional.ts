// Benchmarks of features that may not exist yet. Such a benchmark is a file
// `bench/benchmarks/<name>.ts` that exports `run(ctx: QueryContext): Promise<Metric[]>`; until the
// file exists, its row reads "not available" (never zero).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DeskHandlers } from '../../shared/ipc/contract';
import type { BenchConfig } from './config';
import type { DatasetPlan } from './dataset';
import type { Metric, Target } from './metric';

/** What a query benchmark gets: the started core (offline) over the full benchmark cache. */
export interface QueryContext {
  cfg: BenchConfig;
  plan: DatasetPlan;
  handlers: DeskHandlers;
  /** The core's data directory (cache.sqlite, outbox.sqlite). */
  dataDir: string;
}

export type QueryBenchmark = (ctx: QueryContext) => Promise<Metric[]>;

const BENCHMARKS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'benchmarks');

export function notAvailable(id: string, label: string, target: Target): Metric {
  return { id, label, value: null, unit: '', status: 'not available', target };
}

/** The benchmark's `run`, or null when its file does not exist yet. */
export async function loadOptional(name: string): Promise<QueryBenchmark | null> {
  const file = path.join(BENCHMARKS, `${name}.ts`);
  if (!fs.existsSync(file)) return null;
  const module = (await import(pathToFileURL(file).href)) as { run?: unknown };
  if (typeof module.run !== 'function') throw new Error(`bench/benchmarks/${name}.ts exports no run(ctx) function`);
  return module.run as QueryBenchmark;
}
