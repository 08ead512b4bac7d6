// Simulated customers: posts inbound messages to the real webhook endpoints over HTTP at a
// bounded rate, mostly follow-ups on open conversations, now and then a new conversation.
import { DEMO_TENANT, DEMO_WEBHOOK_SECRET } from '../../shared/demo';
import { HTTP, WEBHOOK_SECRET_HEADER } from '../../shared/protocol';
import { makePeople } from '../seed/people';
import { pick, type Random } from '../seed/prng';
import type { TargetSource } from './targets';
import { personAsTarget, reachableChannel, type Target, webhookBody } from './traffic';

export interface SimulatorOptions {
  url: string;
  targets: TargetSource;
  random: Random;
  newId: () => string;
  onError: (error: unknown) => void;
  tenant?: string;
  secret?: string;
  /** Mean inbound messages per second. */
  rate?: number;
  /** Share of messages that open a new conversation. */
  newConversationShare?: number;
  /** Requests in flight at most; ticks beyond it are skipped rather than queued. */
  maxInFlight?: number;
  /** A follow-up is preceded by this long a "typing" signal (0: none). */
  typingMs?: number;
}

export interface Simulator {
  stop(): Promise<void>;
  stats(): { sent: number; failed: number; skipped: number };
}

/** The customer's handle in a webhook body: phone, email or Messenger psid. */
function handleOf(body: object): string | null {
  const b = body as { from?: unknown; email?: unknown; psid?: unknown };
  const value = b.from ?? b.email ?? b.psid;
  return typeof value === 'string' ? value : null;
}

export function startSimulator(options: SimulatorOptions): Simulator {
  const rate = options.rate ?? 0.3;
  const share = options.newConversationShare ?? 0.15;
  const maxInFlight = options.maxInFlight ?? 8;
  const tenant = options.tenant ?? DEMO_TENANT.slug;
  const secret = options.secret ?? DEMO_WEBHOOK_SECRET;
  const { random } = options;
  const inFlight = new Set<Promise<void>>();
  const counts = { sent: 0, failed: 0, skipped: 0 };
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const chooseTarget = async (): Promise<{ target: Target; opening: boolean } | null> => {
    if (random() >= share) {
      const waiting = await options.targets.waiting();
      if (waiting.length > 0) return { target: pick(random, waiting), opening: false };
    }
    const idle = random() < 0.5 ? await options.targets.idle() : [];
    if (idle.length > 0) return { target: pick(random, idle), opening: true };
    return { target: personAsTarget(random, makePeople(random, 1)[0]!), opening: true };
  };

  const postOne = async () => {
    const choice = await chooseTarget();
    const channel = choice && reachableChannel(choice.target, choice.opening);
    if (!choice || !channel) return;
    const body = webhookBody(random, choice.target, channel, `sim-${options.newId()}`, choice.opening);
    const typingMs = options.typingMs ?? 0;
    if (typingMs > 0 && !choice.opening) {
      const from = handleOf(body);
      if (from !== null) {
        await fetch(`${options.url}${HTTP.activityWebhook(tenant, channel)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [WEBHOOK_SECRET_HEADER]: secret },
          body: JSON.stringify({ from, typing: true }),
        });
        await new Promise((r) => setTimeout(r, typingMs));
      }
    }
    const response = await fetch(`${options.url}${HTTP.webhook(tenant, channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [WEBHOOK_SECRET_HEADER]: secret },
      body: JSON.stringify(body),
    });
    if (response.ok) counts.sent++;
    else {
      counts.failed++;
      throw new Error(`Webhook answered ${response.status}: ${await response.text()}`);
    }
  };

  const tick = () => {
    if (stopped) return;
    if (inFlight.size >= maxInFlight) counts.skipped++;
    else {
      const request = postOne()
        .catch(options.onError)
        .finally(() => inFlight.delete(request));
      inFlight.add(request);
    }
    // Jittered spacing around the mean, so traffic does not arrive in lockstep.
    timer = setTimeout(tick, ((0.5 + random()) * 1000) / rate);
  };
  timer = setTimeout(tick, ((0.5 + random()) * 1000) / rate);

  return {
    stats: () => ({ ...counts }),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await Promise.all(inFlight);
    },
  };
}
