// Child: background customer traffic for the live-latency benchmark. Posts inbound carrier
// webhooks to the backend at a steady rate (spread over many customers and channels) for a fixed
// time, then reports what it achieved. Runs in its own process so that generating the load does
// not share an event loop with the core being measured.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { HTTP, WEBHOOK_SECRET_HEADER } from '../../shared/protocol';
import { childInputFromStdin, childResult } from '../lib/childIO';
import { summarize } from '../lib/stats';

interface Input {
  url: string;
  tenant: string;
  secret: string;
  rate: number;
  seconds: number;
  customers: number;
}

// Started ahead of its use (lib/load.ts): idle, its bundle loaded, until its input arrives.
const input = await childInputFromStdin<Input>();
const TICK_MS = 20;
const perTick = (input.rate * TICK_MS) / 1000;
const MAX_IN_FLIGHT = 100;

function body(n: number): { channel: string; body: unknown } {
  const customer = n % input.customers;
  const text = `Background message ${n}: where is my order?`;
  const externalId = `bench-load-${process.pid}-${n}`;
  const phone = `+1 555 ${String(1_000_000 + customer).slice(1)}`;
  switch (customer % 4) {
    case 0:
      return { channel: 'sms', body: { externalId, from: phone, text } };
    case 1:
      return { channel: 'whatsapp', body: { externalId, from: phone, profileName: `Customer ${customer}`, text } };
    case 2:
      return { channel: 'email', body: { externalId, from: `load${customer}@example.com`, subject: 'Order', text } };
    default:
      return { channel: 'messenger', body: { externalId, psid: `psid-${customer}`, name: `Customer ${customer}`, text } };
  }
}

// Plain keep-alive HTTP rather than fetch: on a machine that also runs the backend, the host and
// Chromium, the load generator's own CPU is taken from the system it measures, and fetch spends
// several times as much per request. One socket per request in flight, as independent carriers.
const agent = new http.Agent({ keepAlive: true, maxSockets: MAX_IN_FLIGHT });
const target = new URL(input.url);

function postJson(path: string, payload: unknown): Promise<number> {
  const json = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: target.hostname,
        port: target.port,
        path,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json), [WEBHOOK_SECRET_HEADER]: input.secret },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(json);
  });
}

let sent = 0;
let ok = 0;
let failed = 0;
let skipped = 0;
let inFlight = 0;
const acks: number[] = [];
const errors = new Set<string>();

async function post(n: number): Promise<void> {
  const { channel, body: payload } = body(n);
  inFlight++;
  const t0 = performance.now();
  try {
    const status = await postJson(HTTP.webhook(input.tenant, channel), payload);
    if (status >= 200 && status < 300) ok++;
    else {
      failed++;
      errors.add(`HTTP ${status}`);
    }
    acks.push(performance.now() - t0);
  } catch (e) {
    failed++;
    errors.add(String(e));
  } finally {
    inFlight--;
  }
}

// SIGTERM ends the load early; the result is still reported.
let stopping = false;
process.on('SIGTERM', () => (stopping = true));

const t0 = performance.now();
let due = 0;
for (let tick = 0; !stopping && (performance.now() - t0) / 1000 < input.seconds; tick++) {
  due += perTick;
  while (due >= 1) {
    due -= 1;
    if (inFlight >= MAX_IN_FLIGHT) skipped++;
    else void post(sent++);
  }
  await sleep(Math.max(0, t0 + (tick + 1) * TICK_MS - performance.now()));
}
const seconds = (performance.now() - t0) / 1000;
while (inFlight > 0) await sleep(10);
const s = summarize(acks);
agent.destroy();
childResult({ sent, ok, failed, skipped, seconds, rate: ok / seconds, ackP50: s.p50, ackP99: s.p99, errors: [...errors].slice(0, 5) });
