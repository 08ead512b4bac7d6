import { appendFile } from 'node:fs/promises';
import type { ChannelAdapter, OutboundChannel, ReceiptSink } from './adapter';
import { createPortalChannel } from './portal';
import { createSimulatedCarrier } from './simulatedCarrier';

export type ChannelAdapters = Readonly<Record<OutboundChannel, ChannelAdapter>>;

/** Carriers outside the backend; the portal is served by the backend itself. */
const CARRIER_CHANNELS: readonly Exclude<OutboundChannel, 'portal'>[] = ['whatsapp', 'sms', 'email', 'messenger'];

export function createSimulatedChannels(options: {
  delayScale: number;
  random: () => number;
  newId: () => string;
  onReceipt: ReceiptSink;
  onError: (error: unknown) => void;
}): ChannelAdapters {
  const entries = CARRIER_CHANNELS.map((channel) => [channel, createSimulatedCarrier({ ...options, channel })] as const);
  return { ...Object.fromEntries(entries), portal: createPortalChannel(options.newId) } as Record<OutboundChannel, ChannelAdapter>;
}

/**
 * Wraps every adapter so each envelope is appended to `file` (one JSON line) before it is handed
 * over: an audit of exactly what left for the carriers, which is how tests prove that internal
 * notes never do. Edits and deletions are lines too, with their `action` and no attachments.
 */
export function recordOutbound(adapters: ChannelAdapters, file: string): ChannelAdapters {
  const wrapped = Object.values(adapters).map((adapter): [OutboundChannel, ChannelAdapter] => [
    adapter.channel,
    {
      channel: adapter.channel,
      changeWindow: adapter.changeWindow,
      async send(envelope) {
        await appendFile(file, `${JSON.stringify({ at: Date.now(), ...envelope })}\n`);
        return adapter.send(envelope);
      },
      async change(change) {
        await appendFile(file, `${JSON.stringify({ at: Date.now(), ...change, attachments: [] })}\n`);
        return adapter.change(change);
      },
      close: () => adapter.close(),
    },
  ]);
  return Object.fromEntries(wrapped) as Record<OutboundChannel, ChannelAdapter>;
}

export function closeChannels(adapters: ChannelAdapters): void {
  for (const adapter of Object.values(adapters)) adapter.close();
}
