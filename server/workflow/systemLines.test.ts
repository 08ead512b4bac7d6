import { describe, expect, it } from 'vitest';
import { systemLine } from './systemLines';

describe('system lines', () => {
  it('carry the event and its English body', () => {
    expect(systemLine('transferredToQueue', { agent: 'Alex Morgan', queue: 'Billing' })).toEqual({
      body: 'Alex Morgan transferred the conversation to the Billing queue',
      event: { code: 'transferredToQueue', params: { agent: 'Alex Morgan', queue: 'Billing' } },
    });
  });

  it('leave an agent without a known name out of the event; only the English body says "an agent"', () => {
    expect(systemLine('accepted', { agent: null })).toEqual({ body: 'An agent accepted the conversation', event: { code: 'accepted', params: {} } });
    expect(systemLine('routed', { to: null })).toEqual({ body: 'Assigned to an agent by routing', event: { code: 'routed', params: {} } });
  });
});
