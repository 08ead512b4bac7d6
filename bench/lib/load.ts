// Background customer traffic for the live benchmarks (children/webhookLoad.ts in its own
// process) and waiting for a condition with a deadline.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { startBackend, type Backend } from '../../testing/backend';
import { bundle } from '../../scripts/lib/bundle';
import { prepareChild, type ChildRun } from './child';
import { formatNumber } from './format';
import { ArrivalWindow } from './steady';

export interface LoadResult {
  sent: number;
  ok: number;
  failed: number;
  skipped: number;
  seconds: number;
  rate: number;
  ackP50: number;
  ackP99: number;
  errors: string[];
}

/** In-flight POSTs beyond which the load child skips a beat (see children/webhookLoad.ts). */
export const LOAD_MAX_IN_FLIGHT = 100;

/** A backend with the minimal seed (the demo tenant and its agents, no conversations), from its bundle. */
export async function startBenchBackend(): Promise<Backend> {
  return startBackend({ seed: 'minimal', script: await bundle('backend') });
}

/** A load generator whose process is up and idle, to start without waiting for a node start. */
export interface PreparedLoad {
  start(backend: Backend, rate: number, seconds: number): ChildRun<LoadResult>;
  discard(): Promise<void>;
}

export function prepareWebhookLoad(): PreparedLoad {
  const child = prepareChild<LoadResult>('webhookLoad', { timeoutMs: 600_000 });
  return {
    start: (backend, rate, seconds) =>
      child.start({ url: backend.url, tenant: backend.tenant, secret: backend.webhookSecret, rate, seconds, customers: 2_000 }),
    discard: () => child.discard(),
  };
}

export function startWebhookLoad(backend: Backend, rate: number, seconds: number): ChildRun<LoadResult> {
  return prepareWebhookLoad().start(backend, rate, seconds);
}

export function loadText(load: LoadResult): string {
  return `${formatNumber(load.rate)} msg/s achieved (${load.failed} failed, ${load.skipped} skipped at ${LOAD_MAX_IN_FLIGHT} in flight)`;
}

/** Steady load: at least this share of the target rate arrived over the last second. */
const STEADY_SHARE = 0.9;
/** The longest the live benchmarks wait for a steady load (they used to wait this long regardless). */
export const SETTLE_MAX_MS = 2_000;

export const settleText = (settle: { ms: number; steady: boolean }) =>
  settle.steady
    ? `steady (≥ ${STEADY_SHARE * 100} % of the rate over the last second) after ${formatNumber(settle.ms, 'ms')} of settling`
    : `not steady after ${formatNumber(settle.ms, 'ms')} of settling (probes started regardless)`;

/**
 * Waits until the load seen through `arrived` (a running count of messages) is steady, at most
 * `maxMs`: the live benchmarks let the background load settle before their warm-up probes.
 */
export async function untilSteady(arrived: () => number, rate: number, maxMs: number): Promise<{ ms: number; steady: boolean }> {
  const window = new ArrivalWindow(1_000, STEADY_SHARE * rate);
  const t0 = performance.now();
  for (;;) {
    const t = performance.now();
    if (window.add(t, arrived())) return { ms: t - t0, steady: true };
    if (t - t0 >= maxMs) return { ms: t - t0, steady: false };
    await sleep(50);
  }
}

export async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}
