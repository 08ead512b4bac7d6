// A carrier stand-in: accepts every message at once and reports delivery (0.3–2 s) and read
// (1–8 s after delivery) with random delays, scaled by --carrier-delay-scale. It changes sent
// messages only as the real carrier would (CARRIER_CHANGE_WINDOWS).
import type { ChangeWindow, ChannelAdapter, OutboundChannel, ReceiptSink } from './adapter';

const MINUTE = 60_000;
const NEVER: ChangeWindow = { editMs: null, deleteMs: null };

/**
 * What each carrier lets a sender change after sending: WhatsApp edits a message within 15
 * minutes and deletes it for everyone within about two days; an SMS, an email or a Messenger
 * message (through the platform's API) stays as it was sent.
 */
export const CARRIER_CHANGE_WINDOWS: Readonly<Record<Exclude<OutboundChannel, 'portal'>, ChangeWindow>> = {
  whatsapp: { editMs: 15 * MINUTE, deleteMs: 48 * 60 * MINUTE },
  sms: NEVER,
  email: NEVER,
  messenger: NEVER,
};

export interface CarrierOptions {
  channel: Exclude<OutboundChannel, 'portal'>;
  delayScale: number;
  random: () => number;
  newId: () => string;
  onReceipt: ReceiptSink;
  onError: (error: unknown) => void;
}

const DELIVERED_MS: readonly [number, number] = [300, 2_000];
const READ_AFTER_DELIVERED_MS: readonly [number, number] = [1_000, 8_000];
// A receipt for a message whose transaction has not committed yet is retried, like a carrier
// webhook that got a non-2xx answer.
const RETRY_MS = 100;
const MAX_ATTEMPTS = 50;

export function createSimulatedCarrier(options: CarrierOptions): ChannelAdapter {
  const timers = new Set<NodeJS.Timeout>();
  const accepted = new Map<string, string>();
  let closed = false;

  const later = (ms: number, fn: () => void) => {
    if (closed) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };
  const between = ([min, max]: readonly [number, number]) => (min + options.random() * (max - min)) * options.delayScale;

  const report = (tenantId: string, externalId: string, status: 'delivered' | 'read', attempt: number, then?: () => void) => {
    options
      .onReceipt({ tenantId, channel: options.channel, externalId, status })
      .then((outcome) => {
        if (outcome === 'unknown' && attempt < MAX_ATTEMPTS) later(RETRY_MS, () => report(tenantId, externalId, status, attempt + 1, then));
        else then?.();
      })
      .catch(options.onError);
  };

  const changeWindow = CARRIER_CHANGE_WINDOWS[options.channel];
  return {
    channel: options.channel,
    changeWindow,
    async change(change) {
      const window = change.action === 'edit' ? changeWindow.editMs : changeWindow.deleteMs;
      if (window === null) throw new Error(`${options.channel} cannot ${change.action} a sent message.`);
    },
    async send(envelope) {
      const known = accepted.get(envelope.idempotencyKey);
      if (known) return { externalId: known };
      const externalId = `${options.channel}-${options.newId()}`;
      accepted.set(envelope.idempotencyKey, externalId);
      later(between(DELIVERED_MS), () =>
        report(envelope.tenantId, externalId, 'delivered', 1, () =>
          later(between(READ_AFTER_DELIVERED_MS), () =>
            // Past this point the server's own idempotency store answers repeats.
            report(envelope.tenantId, externalId, 'read', 1, () => accepted.delete(envelope.idempotencyKey)),
          ),
        ),
      );
      return { externalId };
    },
    close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      accepted.clear();
    },
  };
}
