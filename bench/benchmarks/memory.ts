// 6. Memory of the core in its own process with the full cache: RSS after the queries, and its
// trend over a soak of queries plus live events.
import { runChild } from '../lib/child';
import type { BenchConfig } from '../lib/config';
import { formatNumber } from '../lib/format';
import type { Metric } from '../lib/metric';
import type { Phases } from '../lib/phases';
import { soakPlan } from '../lib/soak';
import { slope } from '../lib/stats';

interface Mem {
  rssMb: number;
  heapUsedMb: number;
  externalMb: number;
}

interface MemoryResult {
  baseline: Mem;
  afterQueries: Mem;
  afterGc: Mem;
  samples: Array<{ t: number; rssMb: number; heapUsedMb: number; gcRssMb: number; gcHeapUsedMb: number }>;
  cachedMessages: number;
  cachedConversations: number;
  pushed: number;
  applied: number;
  queries: number;
  changed: number;
  problems: string[];
}

/** Below this, the soak's slope is the warm-up, and its note says so. */
const SHORT_SOAK_S = 60;

export async function runMemory(
  cfg: BenchConfig,
  input: { dataDir: string; serverUrl: string; lastSeq: number; bigConversationId: string },
  phases: Phases,
): Promise<Metric[]> {
  const r = await runChild<MemoryResult>(
    'memory',
    { cfg, ...input, soakSeconds: cfg.soakSeconds },
    { nodeArgs: ['--expose-gc'], timeoutMs: (cfg.soakSeconds + 120) * 1000 },
  );
  phases.mark('child');
  if (r.applied !== r.pushed) throw new Error(`soak pushed ${r.pushed} events but the core applied ${r.applied}`);
  if (r.problems.length > 0) throw new Error(`core logged problems: ${r.problems.join('; ')}`);
  // Skip the first samples of the soak: the heap settles after the query phase.
  const { intervalS, skipS } = soakPlan(cfg.soakSeconds);
  const steady = r.samples.filter((s) => s.t >= skipS);
  const minutes = steady.map((s) => s.t / 60);
  const rssSlope = slope(minutes, steady.map((s) => s.gcRssMb));
  const heapSlope = slope(minutes, steady.map((s) => s.gcHeapUsedMb));
  const rss = r.samples.map((s) => s.rssMb);
  return [
    {
      id: 'memory.rss',
      label: `core RSS, ${formatNumber(r.cachedMessages / 1e6)}M msgs cached, after queries`,
      value: r.afterQueries.rssMb,
      unit: 'MB',
      target: { op: '<=', value: 250, text: 'RSS ≤ 250 MB' },
      note:
        `core alone in a bundled node process; ${formatNumber(r.baseline.rssMb, 'MB')} before the core was created; ` +
        `heap used ${formatNumber(r.afterQueries.heapUsedMb, 'MB')}, external ${formatNumber(r.afterQueries.externalMb, 'MB')}`,
      details: { ...r, samples: undefined },
    },
    {
      id: 'memory.soak',
      label: `  soak ${cfg.soakSeconds} s: RSS growth`,
      value: rssSlope,
      unit: 'MB/min',
      display: `${formatNumber(rssSlope)} MB/min after GC (heap ${formatNumber(heapSlope)}); RSS ${formatNumber(Math.min(...rss))}–${formatNumber(Math.max(...rss))} MB`,
      target: { op: '<=', value: 1, text: 'no growth (≤ 1 MB/min)' },
      note: `${cfg.soakSeconds < SHORT_SOAK_S ? `a soak this short reads the heap's warm-up after the query phase, not a leak (the full run soaks 10 minutes); ` : ''}queries + ${formatNumber(r.pushed / cfg.soakSeconds)} live events/s applied; slope of RSS sampled every ${formatNumber(intervalS, 's')} after a full GC, first ${formatNumber(skipS, 's')} skipped (${steady.length} samples); ${r.queries} queries, ${r.pushed} events applied, ${r.changed} change pushes`,
      details: { samples: r.samples, pushed: r.pushed, queries: r.queries, changedPushes: r.changed, heapSlopeMbPerMin: heapSlope },
    },
  ];
}
