import { describe, expect, it } from 'vitest';
import { messageSchema, plainMessageFields } from './domain';
import { parseMessageExtras, serializeMessageExtras } from './messageExtras';
import { knownSystemEvent, systemEvent } from './systemEvents';

describe('system events', () => {
  it('travel in the extras JSON and come back as they were', () => {
    const event = systemEvent('transferredToQueue', { agent: 'Alex Morgan', queue: 'Billing' });
    const json = serializeMessageExtras({ ...plainMessageFields(), event });
    expect(json).not.toBeNull();
    const { revSeq: _unused, ...stored } = plainMessageFields();
    expect(parseMessageExtras(json)).toEqual({ ...stored, event });
  });

  it('leave a plain message plain, and older extras without one parse as null', () => {
    expect(serializeMessageExtras(plainMessageFields())).toBeNull();
    const older = JSON.stringify({ replyTo: null, editedAt: 5, deletedAt: null, reactions: [], attachments: [], automated: false, customerCopy: null });
    expect(parseMessageExtras(older).event).toBeNull();
  });

  it('reject malformed events in stored extras', () => {
    expect(() => parseMessageExtras(JSON.stringify({ event: { code: '', params: {} } }))).toThrow();
    expect(() => parseMessageExtras(JSON.stringify({ event: { code: 'accepted', params: { agent: 7 } } }))).toThrow();
  });

  it('default to null on a message written before they existed', () => {
    const m = messageSchema.parse({
      id: 'm1', clientId: null, conversationId: 'c1', seq: 1, direction: 'system', kind: 'text', channel: 'sms',
      authorAgentId: null, body: 'Alex accepted the conversation', createdAt: 1, status: null, statusSeq: 0, call: null,
    });
    expect(m.event).toBeNull();
  });

  it('are known only with their code and every parameter', () => {
    expect(knownSystemEvent(systemEvent('accepted', { agent: 'Sam' }))).toEqual({ code: 'accepted', params: { agent: 'Sam' }, unknownAgents: [] });
    expect(knownSystemEvent(systemEvent('abandoned'))).toEqual({ code: 'abandoned', params: {}, unknownAgents: [] });
    expect(knownSystemEvent({ code: 'mergedInto', params: { other: 'x' } })).toBeNull();
    expect(knownSystemEvent({ code: 'resolved', params: { agent: 'Sam' } })).toBeNull();
    expect(knownSystemEvent({ code: 'transferredToQueue', params: { agent: 'Sam' } })).toBeNull();
    expect(knownSystemEvent({ code: 'toString', params: {} })).toBeNull();
    expect(knownSystemEvent(null)).toBeNull();
  });

  it('leave out an agent the backend cannot name, carrying no wording of their own', () => {
    const event = systemEvent('transferredToAgent', { agent: null, to: 'Bea' });
    expect(event).toEqual({ code: 'transferredToAgent', params: { to: 'Bea' } });
    expect(knownSystemEvent(event)).toEqual({ code: 'transferredToAgent', params: { to: 'Bea' }, unknownAgents: ['agent'] });
    expect(knownSystemEvent(systemEvent('routed', { to: null }))).toEqual({ code: 'routed', params: {}, unknownAgents: ['to'] });
  });
});
