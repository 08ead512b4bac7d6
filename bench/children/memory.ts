// Child: the core alone in its process over the benchmark cache. Measures RSS after a round of
// inbox and thread queries, then soaks: inbox/thread queries plus live change events applied by
// the core's sync engine (~200 events/s), sampling memory every second. Run with --expose-gc.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { INBOX_VIEWS } from '../../shared/ipc/contract';
import type { BenchConfig } from '../lib/config';
import { benchCore, call, recordingLogger } from '../lib/core';
import { childInput, childResult } from '../lib/childIO';
import { planDataset } from '../lib/dataset';
import { EventStream } from '../lib/eventStream';
import { feedFactory } from '../lib/feedTransport';
import { soakPlan } from '../lib/soak';

interface Input {
  cfg: BenchConfig;
  dataDir: string;
  serverUrl: string;
  lastSeq: number;
  bigConversationId: string;
  soakSeconds: number;
}

const MB = 1024 * 1024;
const input = childInput<Input>();
const mem = () => {
  const m = process.memoryUsage();
  return { rssMb: m.rss / MB, heapUsedMb: m.heapUsed / MB, externalMb: m.external / MB };
};
const baseline = mem();

const plan = planDataset(input.cfg);
// Steady: the stream's own state and the conversations it keeps open would otherwise grow with
// every new conversation, and the soak would count that against the core.
const stream = new EventStream(plan, input.lastSeq, 'soak', { steady: true });
let pulled: () => void = () => undefined;
const caughtUp = new Promise<void>((resolve) => (pulled = resolve));
const source = feedFactory({
  'sync.pull': (body) => {
    setImmediate(pulled);
    return { mustRefetch: false, events: [], head: Number(body.after), hasMore: false };
  },
  // Asked on every connect; no customer is online in the benchmark.
  'activity.presence': () => ({ online: [] }),
});
const log = recordingLogger();
const core = benchCore(input.dataDir, input.serverUrl, log, { transport: source.factory });
let changed = 0;
core.on('changed', () => changed++);
await core.start();
await caughtUp;
const h = core.handlers;

// The queries of the inbox and thread benchmarks, plus short threads across the inbox.
const ids: string[] = [];
for (let after: string | undefined; ids.length < 2_000; ) {
  const page = await call(h, 'inbox.list', { view: 'all', after, limit: 500 });
  ids.push(...page.rows.map((r) => r.conversationId));
  if (page.next === null) break;
  after = page.next;
}
for (let i = 0; i < 300; i++) {
  for (const view of INBOX_VIEWS) await call(h, 'inbox.list', { view, limit: 50 });
  await call(h, 'inbox.counts', {});
  await call(h, 'thread.get', { conversationId: input.bigConversationId, limit: 50 });
  await call(h, 'thread.get', { conversationId: ids[i % ids.length] ?? input.bigConversationId, limit: 50 });
}
const afterQueries = mem();
const diagnostics = await call(h, 'diagnostics.get', {});

// Soak: every 50 ms, 10 live events and a few queries.
// Each sample reads memory as it is, then after a full GC (the retained size, which is what grows
// when something leaks); a soak of under 10 s samples more often than each second (lib/soak.ts).
const { intervalS } = soakPlan(input.soakSeconds);
const gc = (globalThis as { gc?: () => void }).gc;
const samples: Array<{ t: number; rssMb: number; heapUsedMb: number; gcRssMb: number; gcHeapUsedMb: number }> = [];
const t0 = performance.now();
let pushed = 0;
let queries = 0;
let nextSample = 0;
for (let tick = 0; ; tick++) {
  const elapsed = (performance.now() - t0) / 1000;
  if (elapsed >= nextSample) {
    const now = mem();
    gc?.();
    const settled = mem();
    samples.push({ t: elapsed, rssMb: now.rssMb, heapUsedMb: now.heapUsedMb, gcRssMb: settled.rssMb, gcHeapUsedMb: settled.heapUsedMb });
    nextSample += intervalS;
  }
  if (elapsed >= input.soakSeconds) break;
  const events = stream.take(10);
  source.push(events);
  pushed += events.length;
  const view = INBOX_VIEWS[tick % INBOX_VIEWS.length] ?? 'all';
  await call(h, 'inbox.list', { view, limit: 50 });
  await call(h, 'inbox.counts', {});
  await call(h, 'thread.get', { conversationId: ids[tick % ids.length] ?? input.bigConversationId, limit: 50 });
  await call(h, 'thread.get', { conversationId: input.bigConversationId, limit: 50 });
  queries += 4;
  await sleep(Math.max(0, t0 + (tick + 1) * 50 - performance.now()));
}
// Every event pushed reaches the cache before the end is read (the writer may still hold the last).
const applied = async () => (await call(h, 'diagnostics.get', {})).localSeq - input.lastSeq;
for (const deadline = performance.now() + 30_000; (await applied()) < pushed && performance.now() < deadline; ) await sleep(20);
const end = await call(h, 'diagnostics.get', {});
gc?.();
const afterGc = mem();
await core.stop();

childResult({
  baseline,
  afterQueries,
  afterGc,
  samples,
  cachedMessages: diagnostics.cachedMessages,
  cachedConversations: diagnostics.cachedConversations,
  pushed,
  applied: end.localSeq - input.lastSeq,
  queries,
  changed,
  problems: log.problems,
});
