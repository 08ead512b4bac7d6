// Carrier delivery and read receipts for outbound messages.
import type { DeliveryStatus, Message } from '../../shared/domain';
import type { Receipt, ReceiptOutcome } from '../channels/adapter';
import { findMessageByExternalId, updateMessageStatus } from '../store/messages';
import type { WriteContext, Writer } from '../sync/writer';

const RANK: Record<DeliveryStatus, number> = { pending: 0, sent: 1, failed: 2, delivered: 2, read: 3 };

/**
 * Receipts can arrive late or twice; a status only ever moves forward. Messages without a status
 * (inbound, notes) never get one.
 */
export function isNewer(current: DeliveryStatus | null, next: DeliveryStatus): boolean {
  return current !== null && RANK[next] > RANK[current];
}

export function applyReceipt(writer: Writer, receipt: Receipt): Promise<ReceiptOutcome> {
  return writer.run(receipt.tenantId, async (ctx) => {
    const message = await findMessageByExternalId(ctx.trx, receipt.tenantId, receipt.channel, receipt.externalId);
    if (!message) return 'unknown';
    return (await advanceStatus(ctx, message, receipt.status)) ? 'applied' : 'stale';
  });
}

/** Moves a message's status forward inside a write (recording `message.status`); false if stale. */
export async function advanceStatus(
  { trx, changes }: Pick<WriteContext, 'trx' | 'changes'>,
  message: Pick<Message, 'id' | 'conversationId' | 'status'>,
  status: DeliveryStatus,
): Promise<boolean> {
  if (!isNewer(message.status, status)) return false;
  const seq = await changes.nextSeq();
  await updateMessageStatus(trx, message.id, status, seq);
  await changes.record({ seq, type: 'message.status', messageId: message.id, conversationId: message.conversationId, status });
  return true;
}
