// 8. Full-text search: `search.local` (conversations, messages and contacts, grouped and
// highlighted) through IPC dispatch into the core's handlers, over the whole cache. The queries
// mix common words, prefixes, a phrase, accents, a name, phone digits, CJK (trigram and the short
// scan), Cyrillic, a miss, and filters; every sample is one query, round robin.
import type { SearchFilters } from '../../shared/ipc/contract';
import { call } from '../lib/core';
import { formatNumber } from '../lib/format';
import { latencyMetric, percentilesText, sample } from '../lib/latency';
import type { Metric } from '../lib/metric';
import type { QueryContext } from '../lib/optional';
import { summarize } from '../lib/stats';

const QUERIES: ReadonlyArray<{ query: string; filters?: SearchFilters }> = [
  { query: 'order' },
  { query: 'refu' },
  { query: 'tracking number' },
  { query: '"charged twice"' },
  { query: 'cafe' },
  { query: 'Kowalski' },
  { query: 'Müll' },
  { query: '+49 15' },
  { query: '订单' },
  { query: '订单 配送' },
  { query: 'заказ' },
  { query: 'xylophone' },
  { query: 'invoice', filters: { channel: 'email' } },
  { query: 'password', filters: { status: 'queued' } },
];

export async function run({ cfg, handlers }: QueryContext): Promise<Metric[]> {
  const runs = cfg.threadRuns;
  const { cachedMessages } = await call(handlers, 'diagnostics.get', {});
  const perQuery = QUERIES.map(() => [] as number[]);
  // CPU time of the process per query, beside the wall-clock time: on a shared machine the wall
  // clock also counts the time other processes held the core, the CPU time does not.
  const cpu: number[] = [];
  const warmup = QUERIES.length * 10;
  const samples = await sample(runs, warmup, async (i) => {
    const q = QUERIES[i % QUERIES.length]!;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await call(handlers, 'search.local', { query: q.query, filters: q.filters ?? {}, limit: 20 });
    const used = process.cpuUsage(c0);
    perQuery[i % QUERIES.length]!.push(performance.now() - t0);
    if (i >= warmup) cpu.push((used.user + used.system) / 1000);
  });
  const slowest = perQuery
    .map((s, i) => ({ query: QUERIES[i]!, summary: summarize(s) }))
    .sort((a, b) => b.summary.p95 - a.summary.p95)[0]!;
  const label = (q: (typeof QUERIES)[number]) => `"${q.query}"${q.filters ? ` + ${JSON.stringify(q.filters)}` : ''}`;
  return [
    latencyMetric(
      'search.p95',
      `full-text search, ${formatNumber(cachedMessages)} msgs (${QUERIES.length} queries)`,
      samples,
      { op: '<=', value: 15, text: 'p95 ≤ 15 ms', percentile: 'p95' },
    ),
    {
      id: 'search.cpu.p95',
      label: '  CPU time per query',
      value: summarize(cpu).p95,
      unit: 'ms',
      display: percentilesText(summarize(cpu), 'ms'),
      details: { ...summarize(cpu) },
    },
    {
      id: 'search.slowest.p95',
      label: '  slowest query',
      value: slowest.summary.p95,
      unit: 'ms',
      display: `${label(slowest.query)}: ${percentilesText(slowest.summary, 'ms', ['p50', 'p95'])}`,
      details: {
        perQuery: Object.fromEntries(perQuery.map((s, i) => [label(QUERIES[i]!), summarize(s)])),
        cachedMessages,
      },
    },
  ];
}
