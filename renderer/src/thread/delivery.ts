import type { ThreadMessage } from '../../../shared/ipc/contract';
import type { Reason } from '../../../shared/reasons';

export type DeliveryState = 'waiting' | 'sending' | 'sent' | 'delivered' | 'read' | 'failed';

export interface DeliveryIndicator {
  state: DeliveryState;
  /** Why the server refused the message, as a code to translate; null when it gave none. */
  reason: Reason | null;
  /** Outbox entry to retry or discard; null when the failure came from the carrier. */
  entryId: string | null;
}

/** What the tick marks under an agent message show. Only messages the agent side wrote have one. */
export function deliveryIndicator(message: Pick<ThreadMessage, 'direction' | 'kind' | 'status' | 'outbox'>): DeliveryIndicator | null {
  if (message.direction !== 'outbound') return null;
  const { outbox } = message;
  const entryId = outbox?.entryId ?? null;
  if (outbox?.state === 'failed' || message.status === 'failed') return { state: 'failed', reason: outbox?.errorReason ?? null, entryId };
  if (outbox?.state === 'waiting') return { state: 'waiting', reason: null, entryId };
  if (outbox?.state === 'sending' || message.status === 'pending') return { state: 'sending', reason: null, entryId };
  // Internal notes never travel to a carrier, so once stored they have nothing more to show.
  if (message.kind === 'note' || message.status === null) return null;
  return { state: message.status, reason: null, entryId: null };
}
