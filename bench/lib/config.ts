// Sizes and run lengths of a benchmark run. The defaults are the design's dataset (one team, 50
// agents, 50k conversations, 1M messages); BENCH_SCALE shrinks everything proportionally.
import { DEFAULT_SYNC_TUNING } from '../../main/core/sync/engine';

export interface BenchConfig {
  scale: number;
  seed: number;
  agents: number;
  queues: number;
  conversations: number;
  messages: number;
  /** Messages of the one long conversation the thread benchmark opens. */
  bigThread: number;
  /** Conversations per snapshot page, as the sync engine asks for them. */
  snapshotPageSize: number;
  catchupEvents: number;
  /** Events per pull page, as the sync engine asks for them. */
  pullLimit: number;
  inboxRuns: number;
  threadRuns: number;
  coldStarts: number;
  soakSeconds: number;
  liveRate: number;
  liveProbes: number;
  /** Length of each of the two fan-out load runs (with and without sockets). */
  fanoutSeconds: number;
}

const round = (n: number, min: number) => Math.max(min, Math.round(n));

function envNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return n;
}

/** `--quick`: one tenth of the design's scale (BENCH_SCALE, when set, wins). */
export const QUICK_SCALE = 0.1;

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = []): BenchConfig {
  const unknown = argv.filter((a) => a !== '--quick');
  if (unknown.length > 0) throw new Error(`unknown argument ${unknown.join(' ')}; the only flag is --quick`);
  const scale = envNumber(env, 'BENCH_SCALE', argv.includes('--quick') ? QUICK_SCALE : 1);
  return {
    scale,
    seed: Math.floor(envNumber(env, 'BENCH_SEED', 20_250_115)),
    agents: round(50 * scale, 5),
    queues: 5,
    conversations: round(50_000 * scale, 200),
    messages: round(1_000_000 * scale, 5_000),
    bigThread: round(10_000 * scale, 500),
    snapshotPageSize: 500,
    catchupEvents: round(100_000 * scale, 2_000),
    pullLimit: DEFAULT_SYNC_TUNING.pullLimit,
    // Query run counts do not follow the dataset (percentiles need samples whatever its size), but
    // a smaller run takes fewer, to fit in a minute: its p95s rest on 15-20 samples beyond them.
    inboxRuns: scale >= 1 ? 1_000 : 300,
    threadRuns: scale >= 1 ? 1_500 : 400,
    coldStarts: scale >= 1 ? 5 : 3,
    // The design asks for no growth over a soak: ten minutes at full scale. A smaller run's soak
    // only reads the heap's warm-up, at 10 s as at 5 s; it takes as many samples (lib/soak.ts).
    soakSeconds: envNumber(env, 'BENCH_SOAK_S', scale >= 1 ? 600 : 5),
    liveRate: 200,
    liveProbes: round(400 * scale, 60),
    fanoutSeconds: round(15 * scale, 3),
  };
}
