import { describe, expect, it } from 'vitest';
import type { ThreadMessage } from '../../../shared/ipc/contract';
import { reason, type Reason } from '../../../shared/reasons';
import { deliveryIndicator } from './delivery';

type Fields = Pick<ThreadMessage, 'direction' | 'kind' | 'status' | 'outbox'>;
const out = (fields: Partial<Fields>): Fields => ({ direction: 'outbound', kind: 'text', status: 'sent', outbox: null, ...fields });
const entry = (state: 'waiting' | 'sending' | 'failed', errorReason: Reason | null = null) => ({ state, error: errorReason?.code ?? null, errorReason, entryId: 'e1' });

describe('deliveryIndicator', () => {
  it('shows nothing for customer and system messages', () => {
    expect(deliveryIndicator(out({ direction: 'inbound', status: null }))).toBeNull();
    expect(deliveryIndicator(out({ direction: 'system', status: null }))).toBeNull();
  });

  it('maps carrier statuses to ticks', () => {
    expect(deliveryIndicator(out({ status: 'pending' }))?.state).toBe('sending');
    expect(deliveryIndicator(out({ status: 'sent' }))?.state).toBe('sent');
    expect(deliveryIndicator(out({ status: 'delivered' }))?.state).toBe('delivered');
    expect(deliveryIndicator(out({ status: 'read' }))?.state).toBe('read');
  });

  it('prefers the outbox state while the server has not acknowledged', () => {
    expect(deliveryIndicator(out({ status: 'pending', outbox: entry('waiting') }))).toEqual({ state: 'waiting', reason: null, entryId: 'e1' });
    expect(deliveryIndicator(out({ status: 'pending', outbox: entry('sending') }))?.state).toBe('sending');
  });

  it('carries the failure reason and the entry to retry', () => {
    const closed = reason('whatsappWindowClosed');
    expect(deliveryIndicator(out({ status: 'pending', outbox: entry('failed', closed) }))).toEqual({ state: 'failed', reason: closed, entryId: 'e1' });
    expect(deliveryIndicator(out({ status: 'failed' }))).toEqual({ state: 'failed', reason: null, entryId: null });
  });

  it('shows notes only while they are in the outbox', () => {
    expect(deliveryIndicator(out({ kind: 'note', status: null }))).toBeNull();
    expect(deliveryIndicator(out({ kind: 'note', status: null, outbox: entry('waiting') }))?.state).toBe('waiting');
  });
});
