// Timing a repeated async operation: warm-up rounds first (JIT, statement caches, SQLite pages),
// then one sample per run, reported as percentiles.
import { performance } from 'node:perf_hooks';
import { formatNumber } from './format';
import type { Metric, Target } from './metric';
import { summarize, type Summary } from './stats';

/** `op` gets the call's index: 0..warmup-1 for the warm-up, warmup.. for the measured runs. */
export async function sample(runs: number, warmup: number, op: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await op(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await op(warmup + i);
    samples.push(performance.now() - t0);
  }
  return samples;
}

export function percentilesText(s: Summary, unit = 'ms', keys: Array<'p50' | 'p95' | 'p99'> = ['p50', 'p95', 'p99']): string {
  const text = keys.map((k) => `${k} ${formatNumber(s[k])}`).join(' · ');
  return unit ? `${text} ${unit}` : text;
}

/** A latency metric whose compared value is the percentile the target names. */
export function latencyMetric(
  id: string,
  label: string,
  samples: readonly number[],
  target: Target & { percentile: 'p50' | 'p95' | 'p99' },
  keys?: Array<'p50' | 'p95' | 'p99'>,
): Metric {
  const s = summarize(samples);
  const { percentile, ...rest } = target;
  return { id, label, value: s[percentile], unit: 'ms', display: percentilesText(s, '', keys), target: rest, details: { ...s } };
}
