// 2. Catch-up after being offline: N change events served by the change log in pages of
// `pullLimit`, pulled and applied by the core's SyncEngine (parsePull, then Store.applyEvents in
// the core's writer thread, cursor moved in the same transaction), from the bootstrapped cache.
// Then the same events' resulting rows go into a copy of that cache with plain better-sqlite3
// (catchupRaw.ts): the physical reference, and the engine's time as a share of it.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import type { ChangeEvent } from '../../shared/protocol';
import { openDatabase } from '../../main/core/db/open';
import { DEFAULT_SYNC_TUNING } from '../../main/core/sync/engine';
import { CACHE_FILE, OUTBOX_FILE, recordingLogger } from '../lib/core';
import type { DatasetPlan } from '../lib/dataset';
import { type OwnUsage, ownUsage, usageSince, usageText } from '../lib/cpu';
import { type EngineRun, runSyncEngine, TimedWriter } from '../lib/engine';
import { Store } from '../../main/core/store';
import { EventStream } from '../lib/eventStream';
import { feed } from '../lib/feedTransport';
import { formatNumber } from '../lib/format';
import { ioBetween, type IoMegabytes, ioText, ownIo } from '../lib/io';
import type { Metric } from '../lib/metric';
import { stallMetric } from '../lib/stall';
import { cacheFacts, catchupFingerprint, copyCache, planRawCatchup, type RawBatch, writeRawCatchup } from './catchupRaw';

export interface CatchupOutcome {
  metrics: Metric[];
  lastSeq: number;
  /** Messages created per conversation id by the applied events. */
  created: Map<string, number>;
}

/** The reference's batches: the engine's largest, so the fewest commits and row rewrites. */
const RAW_BATCH = DEFAULT_SYNC_TUNING.catchUpBatchLimit;

/** A copy of the bootstrapped cache and the rows the events will leave in it, before any clock starts. */
function prepareRaw(cacheFile: string, rawFile: string, events: readonly ChangeEvent[], selfId: string): RawBatch[] {
  copyCache(cacheFile, rawFile);
  const db = new Database(rawFile, { readonly: true });
  try {
    return planRawCatchup(events, RAW_BATCH, selfId, cacheFacts(db));
  } finally {
    db.close();
  }
}

interface EngineCatchup {
  run: EngineRun;
  /** Both threads, from connecting to the catch-up's end. */
  usage: OwnUsage;
  writeMs: number;
  /**
   * From the catch-up's end to the end of the checkpoint it leaves for after it (the writer's
   * thread copies the WAL into the file then, see main/core/writer/job.ts).
   */
  checkpointMs: number;
  /** What the catch-up moved (this process, both threads), and the checkpoint after it apart. */
  io: IoMegabytes | null;
  checkpointIo: IoMegabytes | null;
}

async function engineCatchup(plan: DatasetPlan, coreDir: string, events: readonly ChangeEvent[], fromSeq: number): Promise<EngineCatchup> {
  const head = fromSeq + events.length;
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
    const io0 = ownIo();
    const before = ownUsage();
    const run = await runSyncEngine(writer, source, plan.self.id, { pullLimit: plan.cfg.pullLimit });
    // Includes the feed's answers (slicing prepared events), a small share.
    const usage = usageSince(before);
    const io1 = ownIo();
    const t0 = performance.now();
    // Jobs run in order: this one ends once the engine's checkpoint after the catch-up has.
    await writer.write({ kind: 'checkpoint' });
    const checkpointMs = performance.now() - t0;
    const checkpointIo = ioBetween(io1, ownIo());
    const lastSeq = store.meta.lastSeq ?? 0;
    if (lastSeq !== head) throw new Error(`cursor at ${lastSeq} after catch-up, expected ${head}`);
    return { run, usage, writeMs: writer.eventWriteMs, checkpointMs, io: ioBetween(io0, io1), checkpointIo };
  } finally {
    writer.close();
    store.close();
  }
}

export async function runCatchup(plan: DatasetPlan, coreDir: string, scratchDir: string, fromSeq: number): Promise<CatchupOutcome> {
  const n = plan.cfg.catchupEvents;
  const events: ChangeEvent[] = new EventStream(plan, fromSeq, 'catchup').take(n);
  const mix: Record<string, number> = {};
  const created = new Map<string, number>();
  for (const e of events) {
    mix[e.type] = (mix[e.type] ?? 0) + 1;
    if (e.type === 'message.created') created.set(e.message.conversationId, (created.get(e.message.conversationId) ?? 0) + 1);
  }
  const cacheFile = path.join(coreDir, CACHE_FILE);
  const rawFile = path.join(scratchDir, 'raw-catchup.sqlite');
  try {
    const rawBatches = prepareRaw(cacheFile, rawFile, events, plan.self.id);
    const { run, usage, writeMs, checkpointMs, io, checkpointIo } = await engineCatchup(plan, coreDir, events, fromSeq);
    const raw = writeRawCatchup(rawFile, rawBatches);
    // The reference must leave the very rows the engine left, or it measured other work.
    const engineRows = catchupFingerprint(cacheFile);
    const rawRows = catchupFingerprint(rawFile);
    if (engineRows !== rawRows) throw new Error(`the raw catch-up left other rows than the engine:\n${engineRows}\n---\n${rawRows}`);
    const seconds = run.ms / 1000;
    const rawSeconds = raw.ms / 1000;
    return {
      lastSeq: fromSeq + n,
      created,
      metrics: [
        {
          id: 'catchup',
          label: `catch-up, ${formatNumber(n / 1000)}k events (pull loop, pages of ${plan.cfg.pullLimit.toLocaleString('en-US')})`,
          value: seconds,
          unit: 's',
          display: `${formatNumber(seconds)} (CPU ${formatNumber(usage.cpuS)})`,
          target: { op: '<=', value: 3, text: '≤ 3 s' },
          note: `${formatNumber(n / seconds)} events/s; cache write (Store.applyEvents) ${formatNumber(writeMs, 'ms')}; ${usageText(usage)}; the WAL checkpoint after it took ${formatNumber(checkpointMs, 'ms')} more; I/O: ${ioText(io)} (the checkpoint: ${ioText(checkpointIo)})`,
          details: { events: n, ms: run.ms, cpuS: usage.cpuS, kernelS: usage.kernelS, minorFaults: usage.minorFaults, writeMs, checkpointMs, pushes: run.pushes, mix, io, checkpointIo },
        },
        stallMetric('catchup.stall.maxMs', 'the catch-up', run.stall),
        {
          id: 'catchup.raw',
          label: '  raw better-sqlite3, the same events\' resulting rows into a copy of the cache',
          value: rawSeconds,
          unit: 's',
          display: `${formatNumber(rawSeconds)} (CPU ${formatNumber(raw.usage.cpuS)})`,
          note: `plain INSERTs and UPDATEs of the rows the engine left (compared after), one transaction per ${formatNumber(RAW_BATCH)} events, the full-text indexes brought up per batch, the WAL checkpoint after the last (${formatNumber(raw.checkpointMs, 'ms')}, apart as the engine's); no validation, no last-writer-wins reads, no thread hop; the batches' ${usageText(raw.usage)}; their I/O: ${ioText(raw.io)}`,
          details: { ms: raw.ms, cpuS: raw.usage.cpuS, kernelS: raw.usage.kernelS, minorFaults: raw.usage.minorFaults, checkpointMs: raw.checkpointMs, io: raw.io, batches: rawBatches.length, batchEvents: RAW_BATCH },
        },
        {
          id: 'catchup.ratio',
          label: '  raw ÷ catch-up',
          value: rawSeconds / seconds,
          unit: '',
          display: `${formatNumber(rawSeconds / seconds)} (the engine at ${formatNumber(seconds / rawSeconds)}× the raw time)`,
        },
      ],
    };
  } finally {
    for (const f of [rawFile, `${rawFile}-wal`, `${rawFile}-shm`]) fs.rmSync(f, { force: true });
  }
}
