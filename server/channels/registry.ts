import type { ChannelAdapter, OutboundChannel, ReceiptSink } from './adapter';
import { createSimulatedCarrier } from './simulatedCarrier';

export type ChannelAdapters = Readonly<Record<OutboundChannel, ChannelAdapter>>;

const OUTBOUND_CHANNELS: readonly OutboundChannel[] = ['whatsapp', 'sms', 'email', 'portal', 'messenger'];

export function createSimulatedChannels(options: {
  delayScale: number;
  random: () => number;
  newId: () => string;
  onReceipt: ReceiptSink;
  onError: (error: unknown) => void;
}): ChannelAdapters {
  const entries = OUTBOUND_CHANNELS.map((channel) => [channel, createSimulatedCarrier({ ...options, channel })] as const);
  return Object.fromEntries(entries) as Record<OutboundChannel, ChannelAdapter>;
}

export function closeChannels(adapters: ChannelAdapters): void {
  for (const adapter of Object.values(adapters)) adapter.close();
}
