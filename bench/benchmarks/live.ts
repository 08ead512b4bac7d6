// 7. Live latency at the core level: a real backend process (seed 'minimal'), a real core logged in
// over socket.io, background customer traffic at ~200 msg/s from a separate process, and probe
// webhooks posted from the core's process: time from the probe's POST to the core's `changed` push
// naming its conversation. (The design's target runs to the renderer DOM; this stops at the push.)
// The core's transport is the real socket.io one, wrapped only to note when each push arrives, which
// splits the latency into backend (POST → socket) and core (socket → `changed`).
// The load generator's process starts with the backend and idles until the core has synced; its
// load then settles while the probe conversations are set up (the core's login and bootstrap run
// without it: under load they take seconds longer). Nothing is measured before the probes.
// Later steps' set-up (`beside`: the renderer heap's host and the browser) runs beside this step's
// own and is done before the load starts (lib/prepared.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_AGENTS, DEMO_PASSWORD } from '../../shared/demo';
import type { ChangeEvent } from '../../shared/protocol';
import { socketIoTransport } from '../../main/core/sync/transport';
import type { TransportFactory } from '../../main/core/sync/transport';
import type { Backend } from '../../testing/backend';
import type { ChildRun } from '../lib/child';
import { processCpuSeconds } from '../lib/cpu';
import type { BenchConfig } from '../lib/config';
import { benchCore, call, recordingLogger } from '../lib/core';
import { formatNumber } from '../lib/format';
import { latencyMetric, percentilesText } from '../lib/latency';
import { loadText, prepareWebhookLoad, SETTLE_MAX_MS, settleText, startBenchBackend, until, untilSteady, type LoadResult } from '../lib/load';
import type { Metric } from '../lib/metric';
import type { Phases } from '../lib/phases';
import { summarize } from '../lib/stats';

const PROBE_INTERVAL_MS = 50;
const PROBE_TIMEOUT_MS = 5_000;
const PROBE_CONVERSATIONS = 8;
const WARMUP_PROBES = 20;

const conversationOf = (e: ChangeEvent): string | null =>
  e.type === 'message.created' ? e.message.conversationId : e.type === 'conversation.upserted' ? e.conversation.id : null;

/** Resolves per conversation id with the time of the next signal naming it. */
class Waiters {
  private readonly waiting = new Map<string, (t: number) => void>();

  wait(id: string): Promise<number | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve(null);
      }, PROBE_TIMEOUT_MS);
      this.waiting.set(id, (t) => {
        clearTimeout(timer);
        resolve(t);
      });
    });
  }

  /** Returns whether any of the ids was awaited. */
  signal(ids: Iterable<string>, t: number): boolean {
    let hit = false;
    for (const id of ids) {
      const resolve = this.waiting.get(id);
      if (resolve) {
        this.waiting.delete(id);
        resolve(t);
        hit = true;
      }
    }
    return hit;
  }
}

export async function runLive(cfg: BenchConfig, phases: Phases, beside: () => Promise<unknown> = async () => undefined): Promise<Metric[]> {
  let backend: Backend | null = null;
  let load: ChildRun<LoadResult> | null = null;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-desk-bench-live-'));
  const log = recordingLogger();
  const socketArrivals = new Waiters();
  const pushes = new Waiters();
  /** Every conversation a `changed` notice named, to tell when the probe conversations reached the core. */
  const noticed = new Set<string>();
  /** Messages that reached the core's socket, to tell when the background load is steady. */
  let arrivedMessages = 0;
  const transport: TransportFactory = (url, token, listener) =>
    socketIoTransport(url, token, {
      ...listener,
      events: (payload) => {
        const events = (payload as { events?: ChangeEvent[] } | null)?.events ?? [];
        const ids = events.map(conversationOf).filter((id): id is string => id !== null);
        for (const e of events) if (e.type === 'message.created') arrivedMessages++;
        socketArrivals.signal(ids, performance.now());
        listener.events(payload);
      },
    });
  let core: ReturnType<typeof benchCore> | null = null;
  // The load generator's process starts with the backend; its load, once the backend is up.
  const prepared = prepareWebhookLoad();
  const later = beside();
  try {
    backend = await startBenchBackend();
    phases.mark('backend start');
    const b = backend;
    const c = benchCore(dataDir, b.url, log, { transport });
    core = c;
    const h = c.handlers;
    c.on('changed', (notice) => {
      for (const id of notice.conversationIds) noticed.add(id);
      pushes.signal(notice.conversationIds, performance.now());
    });
    await c.start();
    await call(h, 'session.login', { serverUrl: b.url, email: DEMO_AGENTS[0].email, password: DEMO_PASSWORD });
    const synced = async () => {
      const [conn, diag] = await Promise.all([call(h, 'connection.get', {}), call(h, 'diagnostics.get', {})]);
      return conn.status === 'online' && conn.sync === null && diag.syncLag === 0;
    };
    await until('the core to sync', synced, 30_000);
    phases.mark('core login + sync');
    await later;
    phases.mark("later steps' set-up");

    const total = cfg.liveProbes + WARMUP_PROBES;
    load = prepared.start(b, cfg.liveRate, 30 + (total * PROBE_INTERVAL_MS * 3) / 1000);
    // From the load's first message at the core's socket, its rate there is watched through the
    // probe conversations' set-up (at most SETTLE_MAX_MS, as when the settling began after it).
    const settling = until('background load to reach the core', () => arrivedMessages > 0, 30_000).then(() =>
      untilSteady(() => arrivedMessages, cfg.liveRate, SETTLE_MAX_MS),
    );
    settling.catch(() => undefined);

    // Probe customers, each with its own conversation.
    const probes = await Promise.all(
      Array.from({ length: PROBE_CONVERSATIONS }, async (_, k) => {
        const phone = `+1 555 90000${k}`;
        const answer = await b.webhook('sms', { externalId: `bench-probe-init-${k}`, from: phone, text: 'Hello' });
        if (answer.status !== 200) throw new Error(`probe webhook answered ${answer.status}: ${JSON.stringify(answer.json)}`);
        return { phone, conversationId: (answer.json as { conversationId: string }).conversationId };
      }),
    );
    await until('the probe conversations to reach the core', () => probes.every((p) => noticed.has(p.conversationId)), 15_000);
    phases.mark('probe conversations');
    const settle = await settling;
    phases.mark('load settle');

    const toPush: number[] = [];
    const toSocket: number[] = [];
    const inCore: number[] = [];
    const acks: number[] = [];
    let lost = 0;
    // The backend's CPU per message while the probes run: its work, which the load does not
    // inflate as it does the latency.
    const backendCpu0 = processCpuSeconds(b.pid);
    const arrivedBefore = arrivedMessages;
    const tBegin = performance.now();
    for (let i = 0; i < total; i++) {
      const probe = probes[i % probes.length];
      if (!probe) continue;
      const arrived = socketArrivals.wait(probe.conversationId);
      const pushed = pushes.wait(probe.conversationId);
      const t0 = performance.now();
      const answered = b.webhook('sms', { externalId: `bench-probe-${i}`, from: probe.phone, text: `Probe ${i}` }).then((a) => {
        if (a.status !== 200) throw new Error(`probe webhook answered ${a.status}`);
        return performance.now();
      });
      const [tSocket, tPush, tAck] = await Promise.all([arrived, pushed, answered]);
      if (i >= WARMUP_PROBES) {
        acks.push(tAck - t0);
        if (tPush === null) lost++;
        else {
          toPush.push(tPush - t0);
          if (tSocket !== null) {
            toSocket.push(tSocket - t0);
            inCore.push(tPush - tSocket);
          }
        }
      }
      await sleep(Math.max(0, tBegin + (i + 1) * PROBE_INTERVAL_MS - performance.now()));
    }
    phases.mark('probes');
    const backendCpu1 = processCpuSeconds(b.pid);
    const probedMessages = arrivedMessages - arrivedBefore;
    const backendMsPerMsg = backendCpu0 === null || backendCpu1 === null || probedMessages === 0 ? null : (1000 * (backendCpu1 - backendCpu0)) / probedMessages;
    load.stop();
    const background = await load.result;
    load = null;
    phases.mark('load stop');
    if (toPush.length === 0) throw new Error('no probe reached the core');
    const label = `live webhook → core push (not DOM), ${formatNumber(cfg.liveRate)} msg/s`;
    const pct = (xs: number[]) => percentilesText(summarize(xs), 'ms', ['p50', 'p99']);
    return [
      {
        ...latencyMetric('latency.core.p50', `${label}, p50`, toPush, { op: '<=', value: 20, text: 'p50 ≤ 20 ms (to DOM)', percentile: 'p50' }, ['p50', 'p95']),
        note:
          `${toPush.length} probes, ${lost} lost. Backend (POST → socket push) ${pct(toSocket)}; core (socket push → \`changed\`) ${pct(inCore)}; ` +
          `POST answered ${pct(acks)}. Backend CPU ${backendMsPerMsg === null ? 'not measured' : formatNumber(backendMsPerMsg, 'ms')} per message. ` +
          `Background: ${loadText(background)}; ${settleText(settle)}`,
        details: { toPush: summarize(toPush), toSocket: summarize(toSocket), inCore: summarize(inCore), ack: summarize(acks), lost, backendMsPerMsg, background, settle },
      },
      latencyMetric('latency.core.p99', `${label}, p99`, toPush, { op: '<=', value: 60, text: 'p99 ≤ 60 ms (to DOM)', percentile: 'p99' }, ['p99']),
    ];
  } finally {
    await later;
    await prepared.discard();
    load?.stop();
    if (load) await load.result.catch(() => undefined);
    if (core) await core.stop();
    if (backend) await backend.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    phases.mark('stop');
  }
}
