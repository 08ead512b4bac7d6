// 8. Backend fan-out: inbound webhooks driven as fast as the backend answers (up to 100 in
// flight, from a separate process) while 200 agent sockets of the tenant are connected and receive
// every change; the same load with no socket connected, in the same run, is the reference.
// Both floods' load generators start with the backend and idle until their flood (lib/load.ts), and
// the agents log in before the first flood: between the floods, only the sockets connect. The
// backend's start and the logins may run beside an earlier step's set-up (`prepareFanout`).
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { io, type Socket } from 'socket.io-client';
import { DEMO_AGENTS } from '../../shared/demo';
import type { ChangeEvent } from '../../shared/protocol';
import type { Backend } from '../../testing/backend';
import { processCpuSeconds } from '../lib/cpu';
import { formatNumber } from '../lib/format';
import { LOAD_MAX_IN_FLIGHT, prepareWebhookLoad, startBenchBackend, until, type LoadResult, type PreparedLoad } from '../lib/load';
import type { Metric } from '../lib/metric';
import type { Phases } from '../lib/phases';
import { Prepared } from '../lib/prepared';

const SOCKETS = 200;
/** Far above what the backend sustains: the load child's in-flight cap sets the pace. */
const FLOOD_RATE = 5_000;
const CONNECT_BATCH = 20;

interface Listener {
  socket: Socket;
  messages: number;
}

function listen(url: string, token: string): Promise<Listener> {
  const socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  const listener: Listener = { socket, messages: 0 };
  socket.on('sync.events', (push: { events: ChangeEvent[] }) => {
    for (const e of push.events) if (e.type === 'message.created') listener.messages++;
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(listener));
    socket.once('connect_error', (error) => {
      socket.disconnect();
      reject(new Error(error.message));
    });
  });
}

/** A flood of webhooks, with the backend's CPU milliseconds per message it accepted (null if unknown). */
async function flood(load: PreparedLoad, backend: Backend, seconds: number): Promise<LoadResult & { cpuMsPerMsg: number | null }> {
  const cpu0 = processCpuSeconds(backend.pid);
  const result = await load.start(backend, FLOOD_RATE, seconds).result;
  const cpu1 = processCpuSeconds(backend.pid);
  const cpuMsPerMsg = cpu0 === null || cpu1 === null || result.ok === 0 ? null : ((cpu1 - cpu0) * 1000) / result.ok;
  return { ...result, cpuMsPerMsg };
}

const cpuText = (ms: number | null) => (ms === null ? 'CPU per message not measured' : `backend CPU ${formatNumber(ms, 'ms')} per message`);

/** The fan-out's backend and its agents' tokens: set-up that may begin beside an earlier step's. */
export interface FanoutSetUp {
  backend: Backend;
  tokens: string[];
}

export function prepareFanout(): Prepared<FanoutSetUp> {
  return new Prepared(
    "the fan-out's backend",
    async () => {
      const backend = await startBenchBackend();
      try {
        return { backend, tokens: await Promise.all(DEMO_AGENTS.map(async (a) => (await backend.login(a.email)).token)) };
      } catch (e) {
        await backend.stop();
        throw e;
      }
    },
    ({ backend }) => backend.stop(),
  );
}

export async function runFanout(seconds: number, setUp: Prepared<FanoutSetUp>, phases: Phases): Promise<Metric[]> {
  const listeners: Listener[] = [];
  const loads = [prepareWebhookLoad(), prepareWebhookLoad()] as const;
  try {
    // The backend may have been started beside an earlier step's set-up (lib/prepared.ts).
    const { backend: b, tokens } = await setUp.get();
    phases.mark('backend start + logins');
    const alone = await flood(loads[0], b, seconds);
    phases.mark('flood, no socket');

    for (let i = 0; i < SOCKETS; i += CONNECT_BATCH) {
      const batch = Array.from({ length: Math.min(CONNECT_BATCH, SOCKETS - i) }, (_, k) => listen(b.url, tokens[(i + k) % tokens.length] ?? ''));
      listeners.push(...(await Promise.all(batch)));
    }
    phases.mark('sockets connect');
    const fanned = await flood(loads[1], b, seconds);
    phases.mark('flood, 200 sockets');
    const t0 = performance.now();
    const least = () => Math.min(...listeners.map((l) => l.messages));
    await until('every socket to receive every message', () => least() >= fanned.ok, 30_000).catch(() => undefined);
    const drainMs = performance.now() - t0;
    phases.mark('drain');
    await sleep(0);
    const delivered = least();
    return [
      {
        id: 'backend.fanout.msgPerSec',
        label: `backend inbound, fanned out to ${SOCKETS} agent sockets`,
        value: fanned.rate,
        unit: 'msg/s',
        note:
          `${fanned.ok} messages in ${formatNumber(fanned.seconds, 's')} with ${LOAD_MAX_IN_FLIGHT} POSTs in flight (${fanned.failed} failed); POST answered p50 ${formatNumber(fanned.ackP50)} · p99 ${formatNumber(fanned.ackP99, 'ms')}; ` +
          `every socket got ${formatNumber((100 * delivered) / Math.max(1, fanned.ok))} % of them (last ${formatNumber(drainMs, 'ms')} after the load ended). ` +
          `${cpuText(fanned.cpuMsPerMsg)}. Reference, no socket connected: ${formatNumber(alone.rate, 'msg/s')} (${alone.failed} failed, ${cpuText(alone.cpuMsPerMsg)})`,
        details: { sockets: SOCKETS, fanned, alone, delivered, drainMs },
      },
      {
        id: 'backend.fanout.ratio',
        label: '  ÷ the same load with no socket connected',
        value: fanned.rate / alone.rate,
        unit: '',
      },
      {
        id: 'backend.cpuMsPerMsg',
        label: '  backend CPU per inbound message, no socket',
        value: alone.cpuMsPerMsg,
        unit: 'ms',
        note: 'CPU time of the backend process over the flood ÷ messages accepted; the scheduler inflates it far less than rates.',
      },
    ];
  } finally {
    await Promise.all(loads.map((load) => load.discard()));
    for (const l of listeners) l.socket.disconnect();
    await setUp.stop();
    phases.mark('stop');
  }
}
