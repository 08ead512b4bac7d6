// The pure pieces of the operations: previews, cursor encoding, webhook payloads, receipt order.
import { describe, expect, it } from 'vitest';
import { type Conversation, type Message, plainMessageFields } from '../../shared/domain';
import { conversationAfter, previewOf } from './appendMessage';
import { callSummary, describeInbound } from './inboundPayload';
import { isNewer } from './receipts';
import { decodeCursor, encodeCursor } from './snapshotCursor';

const conversation: Conversation = {
  id: 'c1',
  contactId: 'k1',
  channel: 'sms',
  status: 'queued',
  queueId: 'q1',
  assigneeId: null,
  subject: null,
  createdAt: 1_000,
  lastMessageAt: 1_000,
  lastMessagePreview: 'Earlier text',
  lastMessageDirection: 'inbound',
  waitingSince: 1_000,
  lastInboundAt: 1_000,
  tags: [],
  labels: [],
  previousConversationId: null,
  closureReason: null,
  seq: 4,
};
const message = (patch: Partial<Message>): Message => ({
  id: 'm1',
  clientId: null,
  conversationId: 'c1',
  seq: 9,
  direction: 'outbound',
  kind: 'text',
  channel: 'sms',
  authorAgentId: 'a1',
  body: 'Your parcel ships today.',
  createdAt: 2_000,
  status: 'sent',
  statusSeq: 9,
  call: null,
  ...plainMessageFields(),
  ...patch,
});

describe('conversationAfter', () => {
  it('takes time, preview and direction from a customer or agent message', () => {
    expect(conversationAfter(conversation, message({}), 10)).toMatchObject({
      lastMessageAt: 2_000,
      lastMessagePreview: 'Your parcel ships today.',
      lastMessageDirection: 'outbound',
      waitingSince: null,
      seq: 10,
    });
  });

  it('tracks since when the customer waits and when they last wrote', () => {
    const quiet = { ...conversation, waitingSince: null, lastInboundAt: 500 };
    const first = conversationAfter(quiet, message({ direction: 'inbound', createdAt: 3_000 }), 10);
    expect(first).toMatchObject({ waitingSince: 3_000, lastInboundAt: 3_000 });
    const second = conversationAfter(first, message({ direction: 'inbound', createdAt: 4_000 }), 11);
    expect(second).toMatchObject({ waitingSince: 3_000, lastInboundAt: 4_000 });
    // A note does not answer the customer; a reply does.
    expect(conversationAfter(second, message({ kind: 'note', createdAt: 5_000 }), 12).waitingSince).toBe(3_000);
    expect(conversationAfter(second, message({ createdAt: 5_000 }), 12).waitingSince).toBeNull();
  });

  it('keeps the preview for notes and system lines', () => {
    for (const m of [message({ kind: 'note', body: 'internal' }), message({ direction: 'system', body: 'Assigned to Bea' })]) {
      expect(conversationAfter(conversation, m, 10)).toMatchObject({ lastMessageAt: 2_000, lastMessagePreview: 'Earlier text', lastMessageDirection: 'inbound', waitingSince: 1_000 });
    }
  });

  it('moves the customer-window start only with a customer message', () => {
    expect(conversationAfter(conversation, message({ direction: 'inbound', createdAt: 5_000 }), 10).lastInboundAt).toBe(5_000);
    expect(conversationAfter(conversation, message({ createdAt: 5_000 }), 10).lastInboundAt).toBe(1_000);
  });

  it('flattens whitespace and shortens long previews', () => {
    expect(previewOf('  Hello\n\nthere  ')).toBe('Hello there');
    const long = previewOf('word '.repeat(100));
    expect(long.length).toBe(160);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('snapshot cursor', () => {
  it('round-trips and rejects anything else', () => {
    const cursor = { v: 1 as const, atSeq: 42, since: 1_700_000_000_000, total: 300, afterId: '0190-abc' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor('not base64 json')).toBeNull();
    expect(decodeCursor(Buffer.from(JSON.stringify({ ...cursor, atSeq: -1 })).toString('base64url'))).toBeNull();
  });
});

describe('describeInbound', () => {
  it('maps each channel to a contact handle', () => {
    expect(describeInbound('sms', { externalId: 'x', from: '+1 555 0100', text: 'hi' })).toMatchObject({ handle: { kind: 'phone', value: '+1 555 0100' }, phone: '+1 555 0100' });
    expect(describeInbound('portal', { externalId: 'x', email: 'a@example.com', name: 'Ann', text: 'hi' })).toMatchObject({ handle: { kind: 'email' }, name: 'Ann' });
    expect(describeInbound('messenger', { externalId: 'x', psid: '123', text: 'hi' })).toMatchObject({ handle: { kind: 'psid', value: '123' }, phone: null, email: null });
    expect(describeInbound('email', { externalId: 'x', from: 'b@example.com', subject: 'Refund', text: 'hi' })).toMatchObject({ subject: 'Refund' });
  });

  it('summarises a call and keeps its transcript', () => {
    const transcript = [{ speaker: 'customer' as const, atSec: 1, text: 'Hello' }];
    expect(describeInbound('voice', { externalId: 'x', from: '+44 7700 900123', durationSec: 200, transcript, outcome: 'voicemail', summary: 'Asked for a call back.' })).toMatchObject({
      body: 'Call, 3 min',
      call: { durationSec: 200, transcript, outcome: 'voicemail', summary: 'Asked for a call back.' },
    });
    expect(callSummary(42)).toBe('Call, 42 s');
  });
});

describe('isNewer', () => {
  it('moves a status only forward, and never for messages without one', () => {
    expect(isNewer('sent', 'delivered')).toBe(true);
    expect(isNewer('delivered', 'read')).toBe(true);
    expect(isNewer('read', 'delivered')).toBe(false);
    expect(isNewer('delivered', 'delivered')).toBe(false);
    expect(isNewer(null, 'read')).toBe(false);
  });
});
