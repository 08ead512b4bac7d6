// The boundary to the carriers. An adapter accepts an outbound message and answers with the
// carrier's id; delivery and read receipts come back later through a ReceiptSink. An agent's edit
// or deletion of a sent message goes to the carrier too, where the carrier can change a sent
// message (WhatsApp: recent ones only; SMS and email: never).
import type { OutboundChannel } from '../../shared/channels/outbound';
import type { Attachment, Channel } from '../../shared/domain';
import type { HandleKind } from '../db/schema';

export { type OutboundChannel, outboundChannelFor } from '../../shared/channels/outbound';

export interface OutboundEnvelope {
  tenantId: string;
  channel: OutboundChannel;
  /** Phone number, email address or psid, depending on the channel. */
  to: string;
  body: string;
  /** Files sent with the message (their bytes are served from HTTP.attachment). */
  attachments: readonly Attachment[];
  /** Carriers deduplicate on it, so a retried send is delivered once. */
  idempotencyKey: string;
}

/** An edit or deletion of a message the carrier accepted earlier (`externalId`). */
export interface OutboundChange {
  tenantId: string;
  channel: OutboundChannel;
  to: string;
  action: 'edit' | 'delete';
  externalId: string;
  /** The new text of an edit; empty for a deletion. */
  body: string;
  idempotencyKey: string;
}

/** How long after sending a carrier lets a message be edited or deleted; null: never. */
export interface ChangeWindow {
  editMs: number | null;
  deleteMs: number | null;
}

export interface ChannelAdapter {
  readonly channel: OutboundChannel;
  readonly changeWindow: ChangeWindow;
  send(envelope: OutboundEnvelope): Promise<{ externalId: string }>;
  /** Changes a sent message at the customer's side; only called within `changeWindow`. */
  change(change: OutboundChange): Promise<void>;
  /** Drops pending receipts and timers. */
  close(): void;
}

export interface Receipt {
  tenantId: string;
  channel: OutboundChannel;
  externalId: string;
  status: 'delivered' | 'read';
}

/** 'unknown' means the message is not stored (yet); the carrier retries, as real ones do. */
export type ReceiptOutcome = 'applied' | 'stale' | 'unknown';
export type ReceiptSink = (receipt: Receipt) => Promise<ReceiptOutcome>;

export function handleKindFor(channel: Channel): HandleKind {
  switch (channel) {
    case 'whatsapp':
    case 'sms':
    case 'voice':
      return 'phone';
    case 'email':
    case 'portal':
      return 'email';
    case 'messenger':
      return 'psid';
  }
}
