// 4. Thread open: the newest 50 messages of the long conversation via `thread.get`, through IPC
// dispatch into the core's handlers; ordinary short threads are sampled too, for comparison.
import type { DeskHandlers } from '../../shared/ipc/contract';
import { call } from '../lib/core';
import { formatNumber } from '../lib/format';
import { latencyMetric, percentilesText, sample } from '../lib/latency';
import type { Metric } from '../lib/metric';
import { summarize } from '../lib/stats';

export async function runThread(handlers: DeskHandlers, thread: { id: string; messages: number }, runs: number): Promise<Metric[]> {
  const bigConversationId = thread.id;
  const diagnostics = await call(handlers, 'diagnostics.get', {});
  const samples = await sample(runs, Math.min(200, runs), async () => {
    const page = await call(handlers, 'thread.get', { conversationId: bigConversationId, limit: 50 });
    if (page.messages.length !== 50) throw new Error(`thread.get returned ${page.messages.length} messages`);
  });
  // Short threads: the conversations on the first pages of the "all" tab.
  const ids: string[] = [];
  let after: string | undefined;
  while (ids.length < 1_000) {
    const page = await call(handlers, 'inbox.list', { view: 'all', after, limit: 250 });
    ids.push(...page.rows.map((r) => r.conversationId));
    if (page.next === null) break;
    after = page.next;
  }
  const short = await sample(Math.min(runs, ids.length * 2), 50, (i) =>
    call(handlers, 'thread.get', { conversationId: ids[i % ids.length] ?? bigConversationId, limit: 50 }),
  );
  return [
    latencyMetric('thread.p95', `thread.get, last 50 of a ${formatNumber(thread.messages)}-msg thread`, samples, {
      op: '<=',
      value: 3,
      text: 'p95 ≤ 3 ms',
      percentile: 'p95',
    }, ['p50', 'p95']),
    {
      id: 'thread.short.p95',
      label: '  short threads, for comparison',
      value: summarize(short).p95,
      unit: 'ms',
      display: percentilesText(summarize(short), '', ['p50', 'p95']),
      details: { ...summarize(short), cachedMessages: diagnostics.cachedMessages },
      note: `conversations from the first 1,000 inbox rows; cache holds ${formatNumber(diagnostics.cachedMessages)} messages`,
    },
  ];
}
