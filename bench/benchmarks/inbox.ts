// 3. Inbox first page as the renderer asks for it when a tab opens: `inbox.list` (first 50 rows of
// the view) and `inbox.counts` (the tab badges), through IPC dispatch into the core's handlers.
import { performance } from 'node:perf_hooks';
import type { DeskHandlers } from '../../shared/ipc/contract';
import { INBOX_VIEWS } from '../../shared/ipc/contract';
import { call } from '../lib/core';
import { latencyMetric, percentilesText, sample } from '../lib/latency';
import type { Metric } from '../lib/metric';
import { summarize } from '../lib/stats';

export async function runInbox(handlers: DeskHandlers, runs: number): Promise<Metric[]> {
  const metrics: Metric[] = [];
  for (const view of INBOX_VIEWS) {
    let total = 0;
    const list: number[] = [];
    const counts: number[] = [];
    const warmup = Math.min(200, Math.ceil(runs / 5));
    const samples = await sample(runs, warmup, async (i) => {
      const t0 = performance.now();
      const page = await call(handlers, 'inbox.list', { view, limit: 50 });
      const t1 = performance.now();
      await call(handlers, 'inbox.counts', {});
      if (i >= warmup) {
        list.push(t1 - t0);
        counts.push(performance.now() - t1);
      }
      total = page.total;
      if (page.rows.length !== Math.min(50, page.total)) throw new Error(`inbox.list ${view} returned ${page.rows.length} rows`);
    });
    metrics.push({
      ...latencyMetric(`inbox.${view}.p95`, `inbox.list + inbox.counts, ${view} (${total.toLocaleString('en-US')} in view)`, samples, {
        op: '<=',
        value: 5,
        text: 'p95 ≤ 5 ms',
        percentile: 'p95',
      }),
      note: `inbox.list ${percentilesText(summarize(list), 'ms', ['p50', 'p95'])}; inbox.counts ${percentilesText(summarize(counts), 'ms', ['p50', 'p95'])}`,
    });
  }
  return metrics;
}
