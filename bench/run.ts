// `npm run bench [-- --quick]`: builds the benchmark dataset through the core, runs every
// benchmark, prints one table against the design's performance targets (information only: nothing
// gates on it) and writes the full results to bench/results/latest.json and <timestamp>.json.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { runCatchup } from './benchmarks/catchup';
import { runColdStart } from './benchmarks/coldStart';
import { prepareDomLatency, runDomLatency } from './benchmarks/domLatency';
import { prepareFanout, runFanout } from './benchmarks/fanout';
import { runInbox } from './benchmarks/inbox';
import { runIngest } from './benchmarks/ingest';
import { runLive } from './benchmarks/live';
import { runMemory } from './benchmarks/memory';
import { runRendererHeap } from './benchmarks/rendererHeap';
import { runThread } from './benchmarks/thread';
import { buildApp, sharedBrowser, startRendererHost } from './lib/browser';
import { bundleAll } from '../scripts/lib/bundle';
import { loadConfig } from './lib/config';
import { benchCore, benchSession, installSession, recordingLogger } from './lib/core';
import { BIG_THREAD_INDEX, conversationHeader, planDataset } from './lib/dataset';
import { offlineFactory } from './lib/feedTransport';
import { formatNumber, metricsTable } from './lib/format';
import { failedMetric, verdict, type Metric } from './lib/metric';
import { loadOptional, notAvailable } from './lib/optional';
import { Phases } from './lib/phases';
import { closedPort } from './lib/ports';
import { Prepared } from './lib/prepared';
import { sampleProcessTree, treeCpuSeconds } from './lib/processCpu';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: BENCH_DIR, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

const cfg = loadConfig(process.env, process.argv.slice(2));
const plan = planDataset(cfg);
const bigThread = { id: conversationHeader(plan, BIG_THREAD_INDEX).conversation.id, messages: plan.counts[BIG_THREAD_INDEX] ?? 0 };
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-desk-bench-'));
const coreDir = path.join(workDir, 'core');
const metrics: Metric[] = [];
const timings: Record<string, number> = {};
const stepPhases: Record<string, Record<string, number>> = {};
const stepCpuSeconds: Record<string, number> = {};
/** CPU seconds of this process and every process it started (null without /proc). */
const runCpuSeconds = () => {
  const tree = sampleProcessTree();
  return tree === null ? null : treeCpuSeconds(tree);
};
const startedAt = new Date();
const tRun = performance.now();
/** From this process's start (Node, the TypeScript loader, every module) to the first step. */
const startupSeconds = tRun / 1000;

console.log(
  `Agent Desk benchmarks — scale ${cfg.scale}: ${cfg.agents} agents, ${formatNumber(cfg.conversations)} conversations, ` +
    `${formatNumber(plan.totalMessages)} messages, ${formatNumber(cfg.catchupEvents)} catch-up events (seed ${cfg.seed})`,
);

/** Runs one benchmark; a failure becomes a FAILED row and the run goes on. */
async function step<T>(name: string, fallback: Metric[], fn: (phases: Phases) => Promise<T>): Promise<T | null> {
  const t0 = performance.now();
  const cpu0 = runCpuSeconds();
  const phases = new Phases();
  process.stdout.write(`  ${name} … `);
  const took = () => {
    timings[name] = (performance.now() - t0) / 1000;
    stepPhases[name] = phases.toJSON();
    const cpu1 = runCpuSeconds();
    const cpu = cpu0 === null || cpu1 === null ? '' : `, CPU ${formatNumber((stepCpuSeconds[name] = cpu1 - cpu0), 's')}`;
    const split = phases.text();
    return `${formatNumber(timings[name] ?? 0, 's')}${cpu}${split ? ` (${split})` : ''}`;
  };
  try {
    const value = await fn(phases);
    console.log(took());
    return value;
  } catch (e) {
    console.log(`failed after ${took()}: ${e instanceof Error ? e.message : String(e)}`);
    metrics.push(...fallback.map((m) => failedMetric(m.id, m.label, e, m.target)));
    return null;
  }
}

const placeholder = (id: string, label: string, target?: Metric['target']): Metric => ({ id, label, value: null, unit: '', ...(target ? { target } : {}) });
let ready = false;
let lastSeq = 0;
const unreachableUrl = `http://127.0.0.1:${await closedPort()}`;

// The two steps in Chromium share one browser, each in its own context. A later step's set-up
// runs beside an earlier step's own set-up, which waits for it before it measures anything
// (lib/prepared.ts): the heap's host and the browser beside the core-level latency's backend and
// login; the DOM latency's backend and logged-in host and the fan-out's backend and logins beside the heap's
// page load. Until its step, what was started idles (a backend took no CPU over 10 s, a host on
// the cache 40 ms).
const browser = sharedBrowser();
const heapHost = new Prepared('the renderer heap\'s host', () => startRendererHost({ serverUrl: unreachableUrl, dataDir: coreDir, browser }), ({ host }) => host.stop());
const domSetUp = prepareDomLatency(browser);
const fanoutSetUp = prepareFanout();

try {
  // Before anything is measured: the built renderer, and the bundles of every process the run
  // starts, each only if its sources changed since it was last built.
  await step('build what is stale (renderer, bundles)', [], async (phases) => {
    const app = await buildApp();
    phases.mark(app.length > 0 ? `built ${app.join(', ')}` : 'renderer up to date');
    const bundles = await bundleAll();
    phases.mark(bundles.length > 0 ? `bundled ${bundles.join(', ')}` : 'bundles up to date');
  });
  const ingest = await step('bootstrap ingest + raw baseline', [placeholder('ingest.ratio', 'bootstrap ingest', { op: '>=', value: 100_000, text: '≥ 100,000 msg/s' })], (phases) =>
    runIngest(plan, coreDir, workDir, phases),
  );
  if (ingest) {
    metrics.push(...ingest.metrics);
    lastSeq = ingest.lastSeq;
    const catchup = await step('catch-up', [placeholder('catchup', 'catch-up', { op: '<=', value: 3, text: '≤ 3 s' })], () => runCatchup(plan, coreDir, workDir, lastSeq));
    if (catchup) {
      metrics.push(...catchup.metrics);
      lastSeq = catchup.lastSeq;
      bigThread.messages += catchup.created.get(bigThread.id) ?? 0;
    }
    await installSession(coreDir, benchSession(plan, unreachableUrl));
    ready = true;
  }

  if (ready) {
    const log = recordingLogger();
    const core = benchCore(coreDir, unreachableUrl, log, { transport: offlineFactory });
    await core.start();
    try {
      const inbox = await step('inbox first page', [placeholder('inbox.p95', 'inbox first page', { op: '<=', value: 5, text: 'p95 ≤ 5 ms' })], () => runInbox(core.handlers, cfg.inboxRuns));
      if (inbox) metrics.push(...inbox);
      const thread = await step('thread open', [placeholder('thread.p95', 'thread open', { op: '<=', value: 3, text: 'p95 ≤ 3 ms' })], () => runThread(core.handlers, bigThread, cfg.threadRuns));
      if (thread) metrics.push(...thread);
      const searchTarget = { op: '<=', value: 15, text: 'p95 ≤ 15 ms' } as const;
      const runSearch = await loadOptional('search');
      if (!runSearch) metrics.push(notAvailable('search.p95', 'full-text search', searchTarget));
      else {
        const search = await step('full-text search', [placeholder('search.p95', 'full-text search', searchTarget)], () =>
          runSearch({ cfg, plan, handlers: core.handlers, dataDir: coreDir }),
        );
        if (search) metrics.push(...search);
      }
    } finally {
      await core.stop();
    }
    if (log.problems.length > 0) console.log(`  core problems: ${log.problems.join('; ')}`);
  }

  if (ready) {
    const cold = await step('cold start', [placeholder('coldStart', 'cold start to first inbox page', { op: '<=', value: 300, text: '≤ 300 ms' })], (phases) =>
      runColdStart(coreDir, unreachableUrl, cfg.coldStarts, phases),
    );
    if (cold) metrics.push(...cold);
    const memory = await step(`memory + ${cfg.soakSeconds} s soak`, [placeholder('memory', 'core RSS', { op: '<=', value: 250, text: 'RSS ≤ 250 MB' })], (phases) =>
      runMemory(cfg, { dataDir: coreDir, serverUrl: unreachableUrl, lastSeq, bigConversationId: bigThread.id }, phases),
    );
    if (memory) metrics.push(...memory);
  }
  // The renderer's heap runs after the live latency (so that the two steps in Chromium can share
  // one browser) but reads in the table with the other memory rows.
  const heapRow = metrics.length;

  try {
    const live = await step('live latency', [placeholder('latency.core.p50', 'live latency webhook → core push', { op: '<=', value: 20, text: 'p50 ≤ 20 ms (to DOM)' })], (phases) =>
      runLive(cfg, phases, () => (ready ? heapHost.begin() : Promise.resolve())),
    );
    if (live) metrics.push(...live);

    if (ready) {
      const heap = await step('renderer heap, whole inbox scrolled', [placeholder('memory.renderer.heapMb', 'renderer JS heap after scrolling the inbox')], (phases) =>
        runRendererHeap(heapHost, phases, () => Promise.all([domSetUp.host.begin(), fanoutSetUp.begin()])),
      );
      if (heap) metrics.splice(heapRow, 0, ...heap);
    }
    const dom = await step('live latency to the DOM', [placeholder('latency.dom.p50', 'live webhook → renderer DOM', { op: '<=', value: 20, text: 'p50 ≤ 20 ms' })], (phases) =>
      runDomLatency(cfg, domSetUp, phases),
    );
    if (dom) metrics.push(...dom);
  } finally {
    await Promise.all([heapHost.stop(), domSetUp.host.stop(), domSetUp.backend.stop()]);
    await browser.close();
  }
  const fanout = await step(`backend fan-out, 2 × ${cfg.fanoutSeconds} s`, [placeholder('backend.fanout.msgPerSec', 'backend inbound fanned out to 200 sockets')], (phases) =>
    runFanout(cfg.fanoutSeconds, fanoutSetUp, phases),
  );
  if (fanout) metrics.push(...fanout);
} finally {
  await Promise.all([heapHost.stop(), domSetUp.host.stop(), domSetUp.backend.stop(), fanoutSetUp.stop()]);
  await browser.close();
  fs.rmSync(workDir, { recursive: true, force: true });
}

const totalSeconds = (performance.now() - tRun) / 1000;
console.log(`\n${metricsTable(metrics)}\n`);
const notes = metrics.filter((m) => m.note);
for (const m of notes) console.log(`- ${m.label.trim()}: ${m.note}`);
console.log(
  `\nTargets: the design's "Performance targets" table; pass/MISS is information only, nothing gates on it. ` +
    `Total ${formatNumber(totalSeconds, 's')}, after ${formatNumber(startupSeconds, 's')} loading the benchmark (load average ${os.loadavg().map((l) => formatNumber(l)).join(' ')}).`,
);

const resultsDir = path.join(BENCH_DIR, 'results');
fs.mkdirSync(resultsDir, { recursive: true });
const file = path.join(resultsDir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
const cpus = os.cpus();
const report = `${JSON.stringify(
    {
      startedAt: startedAt.toISOString(),
      totalSeconds,
      startupSeconds,
      commit: gitCommit(),
      machine: { platform: `${os.platform()} ${os.release()}`, cpus: cpus.length, cpuModel: cpus[0]?.model ?? null, memoryMb: Math.round(os.totalmem() / 2 ** 20), loadavg: os.loadavg(), node: process.version },
      config: cfg,
      dataset: { messages: plan.totalMessages, conversations: cfg.conversations, snapshotSeq: plan.atSeq, bigThread },
      stepSeconds: timings,
      /** Step → phase → seconds: where each step's time went (start-ups, waits, measuring). */
      stepPhases,
      /** Step → CPU seconds of every process of the run during it (Linux): the work, whatever the load. */
      stepCpuSeconds,
      /** Metric id → compared value (null: not measured), for scripts. */
      values: Object.fromEntries(metrics.map((m) => [m.id, m.value])),
      metrics: metrics.map((m) => ({ ...m, verdict: verdict(m) })),
    },
    null,
    2,
  )}\n`;
fs.writeFileSync(file, report);
fs.writeFileSync(path.join(resultsDir, 'latest.json'), report);
console.log(`Results: ${path.relative(process.cwd(), path.join(resultsDir, 'latest.json'))} (and ${path.basename(file)})`);
