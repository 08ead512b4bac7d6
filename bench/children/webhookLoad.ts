// Child: background customer traffic for the live-latency benchmark. Posts inbound carrier
// webhooks to the backend at a steady rate (spread over many customers and channels) for a fixed
// time, then reports what it achieved. Runs in its own process so that generating the load does
// not share an event loop with the core being measured.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { HTTP, WEBHOOK_SECRET_HEADER } from '../../shared/protocol';
import { childInput, childResult } from '../lib/childIO';
import { summarize } from '../lib/stats';

interface Input {
  url: string;
  tenant: string;
  secret: string;
  rate: number;
  seconds: number;
  customers: number;
}

const input = childInput<Input>();
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
    const res = await fetch(`${input.url}${HTTP.webhook(input.tenant, channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [WEBHOOK_SECRET_HEADER]: input.secret },
      body: JSON.stringify(payload),
    });
    await res.arrayBuffer();
    if (res.ok) ok++;
    else {
      failed++;
      errors.add(`HTTP ${res.status}`);
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
childResult({ sent, ok, failed, skipped, seconds, rate: ok / seconds, ackP50: s.p50, ackP99: s.p99, errors: [...errors].slice(0, 5) });
