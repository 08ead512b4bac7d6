// 7b. Live latency as the agent sees it: a real backend (seed 'minimal'), a core in host mode
// logged in as the first demo agent, the built renderer in Chromium with a probe customer's thread
// open, background customer traffic at 200 msg/s from a separate process, and probe webhooks
// (20/s) to the open conversation: time from the probe's POST to its text in the renderer's DOM.
// A MutationObserver in the page stamps the first time each probe's marker appears; both clocks
// are the epoch-based high-resolution clocks of the same machine. The load generator's process
// starts with the backend and idles until the probe thread is open (lib/load.ts).
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { DEMO_AGENTS, DEMO_PASSWORD } from '../../shared/demo';
import { PUSH_EVENT_NAMES, type PushEventName } from '../../shared/ipc/contract';
import type { Backend } from '../../testing/backend';
import { openPage, startRendererHost, type RendererHost, type RendererSession, type SharedBrowser } from '../lib/browser';
import { bundleFile } from '../../scripts/lib/bundle';
import type { ChildRun } from '../lib/child';
import type { BenchConfig } from '../lib/config';
import { formatNumber } from '../lib/format';
import { latencyMetric, percentilesText } from '../lib/latency';
import { loadText, prepareWebhookLoad, SETTLE_MAX_MS, settleText, startBenchBackend, until, untilSteady, type LoadResult } from '../lib/load';
import type { Metric } from '../lib/metric';
import type { Phases } from '../lib/phases';
import { Prepared } from '../lib/prepared';
import { cpuByRole, sampleProcessTree, type ProcessSample, type Roles } from '../lib/processCpu';
import { summarize } from '../lib/stats';

const PROBE_INTERVAL_MS = 50;
const WARMUP_PROBES = 20;
/** How long after the last POST was answered a probe may still appear before it counts as lost. */
const SETTLE_MS = 5_000;
const PROBE_PHONE = '+1 555 900009';
const PROBE_NAME = 'Latency Probe';
const marker = (i: number) => `LATPROBE${i}X`;
const PROBE_MARKER = /LATPROBE(\d+)X/;
const epochNow = () => performance.timeOrigin + performance.now();

/**
 * Runs in the page: stamps the first appearance of each probe marker in the DOM. A string, because
 * functions passed to page.evaluate lose the helpers a TypeScript loader adds to them.
 */
const OBSERVE_PROBES = `(() => {
  const seen = new Map();
  const scan = (text, t) => {
    if (!text || !text.includes('LATPROBE')) return;
    for (const match of text.matchAll(/LATPROBE(\\d+)X/g)) {
      const i = Number(match[1]);
      if (!seen.has(i)) seen.set(i, t);
    }
  };
  new MutationObserver((mutations) => {
    const t = performance.timeOrigin + performance.now();
    for (const m of mutations) {
      if (m.type === 'characterData') scan(m.target.textContent, t);
      for (const node of m.addedNodes) scan(node.textContent, t);
    }
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
  window.probesSeen = () => [...seen];
})()`;

/**
 * The processes of the run, by what their command line holds; the backend by its pid, for the
 * fan-out's backend may already be up, idle (lib/prepared.ts).
 */
const roles = (backendPid: number): Roles => [
  ['backend', (_c, pid) => pid === backendPid],
  ["a later step's backend, idle", (c) => c.includes(bundleFile('backend'))],
  ['host (core)', (c) => c.includes(bundleFile('host'))],
  ['load generator', (c) => c.includes(bundleFile('webhookLoad'))],
  ['Chromium renderer', (c) => c.includes('--type=renderer')],
  ['Chromium, other processes', (c) => c.includes('chromium')],
  ['benchmark (probes, Playwright)', () => true],
];

/** CPU milliseconds per message cached by the host, per role, while the probes ran. */
function cpuPerMessage(before: ProcessSample[] | null, after: ProcessSample[] | null, messages: number, roles: Roles): Record<string, number> | null {
  if (!before || !after || messages <= 0) return null;
  const perRole = Object.fromEntries([...cpuByRole(before, after, roles)].map(([role, seconds]) => [role, (1000 * seconds) / messages]));
  return { ...perRole, total: Object.values(perRole).reduce((a, b) => a + b, 0) };
}

/**
 * Counts the host's pushes to its bridge clients by event, as the renderer receives them (the
 * bench's own bridge client is one of those clients). Returns the unsubscribe.
 */
function countPushes(host: RendererHost['host'], counts: Map<PushEventName, number>): () => void {
  const offs = PUSH_EVENT_NAMES.map((event) => host.api.on(event, () => counts.set(event, (counts.get(event) ?? 0) + 1)));
  return () => offs.forEach((off) => off());
}

/**
 * Stamps when the host's change notice carrying each probe (in the open thread's page) reached
 * the benchmark's own bridge client, which the host pushes to just before or after the page's:
 * it splits a probe's time into the backend and host's part and the renderer's. Returns the
 * unsubscribe.
 */
function stampProbePushes(host: RendererHost['host'], stamps: Map<number, number>): () => void {
  return host.api.on('changed', (notice) => {
    const t = epochNow();
    for (const message of notice.open?.page.messages ?? []) {
      const i = PROBE_MARKER.exec(message.body)?.[1];
      if (i !== undefined && !stamps.has(Number(i))) stamps.set(Number(i), t);
    }
  });
}

/** The machine's CPU per message against what its cores can give each message at this rate. */
function cpuMetric(cpu: Record<string, number>, rate: number, pushes: Record<string, number>): Metric {
  const budget = (os.availableParallelism() * 1000) / rate;
  const parts = Object.entries(cpu)
    .filter(([role]) => role !== 'total')
    .sort((a, b) => b[1] - a[1])
    .map(([role, ms]) => `${role} ${formatNumber(ms)}`);
  return {
    id: 'latency.dom.cpuMsPerMsg',
    label: `  CPU per message, every process of the run (all ${os.availableParallelism()} cores give ${formatNumber(budget, 'ms')})`,
    value: cpu.total ?? 0,
    unit: 'ms',
    note: `${parts.join(' · ')}. The host's pushes per message: ${Object.entries(pushes)
      .map(([event, n]) => `${event} ${formatNumber(n)}`)
      .join(', ') || 'none'}`,
    details: { ...cpu, pushesPerMsg: pushes },
  };
}

/** The DOM latency's backend, and a host logged in to it: set-up that may begin early. */
export interface DomSetUp {
  backend: Prepared<Backend>;
  host: Prepared<RendererHost>;
}

export function prepareDomLatency(browser: SharedBrowser): DomSetUp {
  const backend = new Prepared("the DOM latency's backend", startBenchBackend, (b) => b.stop());
  const host = new Prepared(
    "the DOM latency's host",
    async () => {
      const b = await backend.get();
      const started = await startRendererHost({ serverUrl: b.url, browser });
      const login = await started.host.api['session.login']({ serverUrl: b.url, email: DEMO_AGENTS[0].email, password: DEMO_PASSWORD });
      if (login.ok) return started;
      await started.host.stop();
      throw new Error(`login failed: ${login.error.message}`);
    },
    (r) => r.host.stop(),
  );
  return { backend, host };
}

export async function runDomLatency(cfg: BenchConfig, setUp: DomSetUp, phases: Phases): Promise<Metric[]> {
  let renderer: RendererSession | null = null;
  let load: ChildRun<LoadResult> | null = null;
  const prepared = prepareWebhookLoad();
  try {
    // The backend, then the host while the browser comes up, unless an earlier step started them
    // (lib/prepared.ts).
    const b = await setUp.backend.get();
    phases.mark('backend start');
    const started = await setUp.host.get();
    phases.mark('host + browser start + login');
    renderer = await openPage(started, () => setUp.host.stop(), phases);
    const { page, host } = renderer;

    // The probe customer's conversation, open in the thread view.
    const first = await b.webhook('whatsapp', { externalId: 'bench-dom-probe-init', from: PROBE_PHONE, profileName: PROBE_NAME, text: 'Hello' });
    if (first.status !== 200) throw new Error(`probe webhook answered ${first.status}`);
    await page.getByTestId('inbox-tab-queued').click({ timeout: 30_000 });
    await page.getByTestId('inbox-row').filter({ hasText: PROBE_NAME }).click({ timeout: 30_000 });
    await page.getByTestId('thread').getByText('Hello').waitFor({ timeout: 30_000 });
    await page.evaluate(OBSERVE_PROBES);
    phases.mark('probe thread open');

    const total = cfg.liveProbes + WARMUP_PROBES;
    load = prepared.start(b, cfg.liveRate, 15 + (total * PROBE_INTERVAL_MS * 3) / 1000);
    await until('background load to reach the renderer', async () => (await page.getByTestId('inbox-row').count()) > 10, 30_000);
    phases.mark('load start');
    // Messages the host cached, read from its cache file: to tell when the background load is
    // steady, and to put the CPU each process spent while the probes ran in proportion.
    const cache = new Database(path.join(host.dataDir, 'cache.sqlite'), { readonly: true });
    const cached = () => (cache.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
    const settle = await untilSteady(cached, cfg.liveRate, SETTLE_MAX_MS);
    phases.mark('load settle');
    const pushCounts = new Map<PushEventName, number>();
    const stopCounting = countPushes(host, pushCounts);
    const pushedAt = new Map<number, number>();
    const stopStamping = stampProbePushes(host, pushedAt);
    const cpuBefore = sampleProcessTree();
    const cachedBefore = cached();
    const sentAt = new Map<number, number>();
    const acks: number[] = [];
    const posts: Array<Promise<void>> = [];
    let failed = 0;
    const tBegin = performance.now();
    for (let i = 0; i < total; i++) {
      const t0 = epochNow();
      sentAt.set(i, t0);
      const post = b.webhook('whatsapp', { externalId: `bench-dom-probe-${i}`, from: PROBE_PHONE, profileName: PROBE_NAME, text: `Probe ${marker(i)}` });
      posts.push(
        post.then(
          (a) => void (a.status === 200 ? acks.push(epochNow() - t0) : failed++),
          () => void failed++,
        ),
      );
      await sleep(Math.max(0, tBegin + (i + 1) * PROBE_INTERVAL_MS - performance.now()));
    }
    await Promise.all(posts);
    phases.mark('probes');
    const cpuAfter = sampleProcessTree();
    const messages = cached() - cachedBefore;
    stopCounting();
    const cpu = cpuPerMessage(cpuBefore, cpuAfter, messages, roles(b.pid ?? -1));
    const pushes = Object.fromEntries([...pushCounts].map(([event, n]) => [event, messages > 0 ? n / messages : 0]));
    cache.close();
    const seenNow = async () => new Map(await page.evaluate<Array<[number, number]>>('window.probesSeen()'));
    await until('every probe to be drawn', async () => (await seenNow()).size === total, SETTLE_MS).catch(() => undefined);
    const seen = await seenNow();
    stopStamping();
    phases.mark('probes drawn');
    load.stop();
    const background = await load.result;
    load = null;
    phases.mark('load stop');

    const toDom: number[] = [];
    const toPush: number[] = [];
    const pushToDom: number[] = [];
    let lost = 0;
    for (let i = WARMUP_PROBES; i < total; i++) {
      const t = seen.get(i);
      const t0 = sentAt.get(i);
      const pushed = pushedAt.get(i);
      if (t === undefined || t0 === undefined) {
        lost++;
        continue;
      }
      toDom.push(t - t0);
      if (pushed !== undefined) {
        toPush.push(pushed - t0);
        pushToDom.push(t - pushed);
      }
    }
    if (toDom.length === 0) throw new Error('no probe reached the renderer');
    const label = `live webhook → renderer DOM, ${cfg.liveRate} msg/s background`;
    return [
      {
        ...latencyMetric('latency.dom.p50', `${label}, p50`, toDom, { op: '<=', value: 20, text: 'p50 ≤ 20 ms', percentile: 'p50' }, ['p50', 'p95']),
        note:
          `${toDom.length} probes, ${lost} not seen ${SETTLE_MS / 1000} s after the last POST was answered (${failed} POSTs failed). ` +
          `POST answered ${percentilesText(summarize(acks), 'ms', ['p50', 'p99'])}. ` +
          `POST → the host's push (at the benchmark's own bridge client) ${percentilesText(summarize(toPush), 'ms')}; from there to the DOM ${percentilesText(summarize(pushToDom), 'ms')}. ` +
          `Background: ${loadText(background)}; ${settleText(settle)}`,
        // Every probe's latency in the order sent: whether it drifts over the run.
        details: {
          toDom: summarize(toDom),
          toDomInOrder: toDom.map((ms) => Math.round(ms * 10) / 10),
          toPush: summarize(toPush),
          pushToDom: summarize(pushToDom),
          ack: summarize(acks),
          lost,
          background,
          settle,
        },
      },
      latencyMetric('latency.dom.p99', `${label}, p99`, toDom, { op: '<=', value: 60, text: 'p99 ≤ 60 ms', percentile: 'p99' }, ['p99']),
      ...(cpu ? [cpuMetric(cpu, cfg.liveRate, pushes)] : []),
    ];
  } finally {
    await prepared.discard();
    load?.stop();
    if (load) await load.result.catch(() => undefined);
    await (renderer ? renderer.close() : setUp.host.stop());
    await setUp.backend.stop();
    phases.mark('stop');
  }
}
