// 2. Catch-up after being offline: N change events served by the change log in pages of
// `pullLimit`, pulled and applied by the core's SyncEngine (parsePull, then Store.applyEvents in
// the core's writer thread, cursor moved in the same transaction), from the bootstrapped cache.
import path from 'node:path';
import type { ChangeEvent } from '../../shared/protocol';
import { openDatabase } from '../../main/core/db/open';
import { CACHE_FILE, OUTBOX_FILE, recordingLogger } from '../lib/core';
import type { DatasetPlan } from '../lib/dataset';
import { ownCpuSeconds } from '../lib/cpu';
import { runSyncEngine, TimedWriter } from '../lib/engine';
import { Store } from '../../main/core/store';
import { EventStream } from '../lib/eventStream';
import { feed } from '../lib/feedTransport';
import { formatNumber } from '../lib/format';
import type { Metric } from '../lib/metric';
import { stallMetric } from '../lib/stall';

export interface CatchupOutcome {
  metrics: Metric[];
  lastSeq: number;
  /** Messages created per conversation id by the applied events. */
  created: Map<string, number>;
}

export async function runCatchup(plan: DatasetPlan, coreDir: string, fromSeq: number): Promise<CatchupOutcome> {
  const n = plan.cfg.catchupEvents;
  const events: ChangeEvent[] = new EventStream(plan, fromSeq, 'catchup').take(n);
  const mix: Record<string, number> = {};
  const created = new Map<string, number>();
  for (const e of events) {
    mix[e.type] = (mix[e.type] ?? 0) + 1;
    if (e.type === 'message.created') created.set(e.message.conversationId, (created.get(e.message.conversationId) ?? 0) + 1);
  }
  const head = fromSeq + n;

  const cacheFile = path.join(coreDir, CACHE_FILE);
  const outboxFile = path.join(coreDir, OUTBOX_FILE);
  const store = new Store(openDatabase({ cacheFile, outboxFile }), cacheFile, recordingLogger());
  const writer = new TimedWriter(store, outboxFile);
  try {
    const source = feed({
      'sync.pull': (body) => {
        const after = Number(body.after);
        const start = after - fromSeq;
        const page = events.slice(start, start + Number(body.limit));
        return { mustRefetch: false, events: page, head, hasMore: after + page.length < head };
      },
    });
    const cpu0 = ownCpuSeconds();
    const run = await runSyncEngine(writer, source, plan.self.id, { pullLimit: plan.cfg.pullLimit });
    // Includes the feed's answers (slicing prepared events), a small share.
    const cpuS = ownCpuSeconds() - cpu0;
    const lastSeq = store.meta.lastSeq ?? 0;
    if (lastSeq !== head) throw new Error(`cursor at ${lastSeq} after catch-up, expected ${head}`);
    const seconds = run.ms / 1000;
    return {
      lastSeq,
      created,
      metrics: [
        {
          id: 'catchup',
          label: `catch-up, ${formatNumber(n / 1000)}k events (pull loop, pages of ${plan.cfg.pullLimit.toLocaleString('en-US')})`,
          value: seconds,
          unit: 's',
          target: { op: '<=', value: 3, text: '≤ 3 s' },
          note: `${formatNumber(n / seconds)} events/s; cache write (Store.applyEvents) ${formatNumber(writer.eventWriteMs, 'ms')}; CPU ${formatNumber(cpuS, 's')}`,
          details: { events: n, ms: run.ms, cpuS, writeMs: writer.eventWriteMs, pushes: run.pushes, mix },
        },
        stallMetric('catchup.stall.maxMs', 'the catch-up', run.stall),
      ],
    };
  } finally {
    writer.close();
    store.close();
  }
}
