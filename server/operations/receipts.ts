// Carrier delivery and read receipts for outbound messages.
import type { DeliveryStatus } from '../../shared/domain';
import type { Receipt, ReceiptOutcome } from '../channels/adapter';
import { findMessageByExternalId, updateMessageStatus } from '../store/messages';
import type { Writer } from '../sync/writer';

const RANK: Record<DeliveryStatus, number> = { pending: 0, sent: 1, failed: 2, delivered: 2, read: 3 };

/**
 * Receipts can arrive late or twice; a status only ever moves forward. Messages without a status
 * (inbound, notes) never get one.
 */
export function isNewer(current: DeliveryStatus | null, next: DeliveryStatus): boolean {
  return current !== null && RANK[next] > RANK[current];
}

export function applyReceipt(writer: Writer, receipt: Receipt): Promise<ReceiptOutcome> {
  return writer.run(receipt.tenantId, async ({ trx, changes }) => {
    const message = await findMessageByExternalId(trx, receipt.tenantId, receipt.channel, receipt.externalId);
    if (!message) return 'unknown';
    if (!isNewer(message.status, receipt.status)) return 'stale';
    const seq = await changes.nextSeq();
    await updateMessageStatus(trx, message.id, receipt.status, seq);
    await changes.record({
      seq,
      type: 'message.status',
      messageId: message.id,
      conversationId: message.conversationId,
      status: receipt.status,
    });
    return 'applied';
  });
}
