// Background customer traffic for the live benchmarks (children/webhookLoad.ts in its own
// process) and waiting for a condition with a deadline.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { startBackend, type Backend } from '../../testing/backend';
import { bundle } from './bundle';
import { startChild, type ChildRun } from './child';
import { formatNumber } from './format';

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

export function startWebhookLoad(backend: Backend, rate: number, seconds: number): ChildRun<LoadResult> {
  return startChild<LoadResult>(
    'webhookLoad',
    { url: backend.url, tenant: backend.tenant, secret: backend.webhookSecret, rate, seconds, customers: 2_000 },
    { timeoutMs: 600_000 },
  );
}

export function loadText(load: LoadResult): string {
  return `${formatNumber(load.rate)} msg/s achieved (${load.failed} failed, ${load.skipped} skipped at ${LOAD_MAX_IN_FLIGHT} in flight)`;
}

export async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}
