import { describe, expect, it } from 'vitest';
import { toInboxRow, toThreadMessage, type MessageSqlRow } from './views';

describe('toInboxRow', () => {
  it('marks agent-side previews and keeps the unread count', () => {
    const row = toInboxRow({
      id: 'c1',
      subject: null,
      channel: 'sms',
      status: 'active',
      last_message_at: 5,
      preview: 'Done',
      last_direction: 'outbound',
      contact_name: 'Ann',
      assignee_name: 'Alex',
      unread: 3,
      waiting_since: null,
      tags: '["vip"]',
      labels: '["bug"]',
      pinned: 1,
    });
    expect(row).toMatchObject({ conversationId: 'c1', previewFromAgent: true, unreadCount: 3, contactName: 'Ann', tags: ['vip'], labels: ['bug'], pinned: true });
    expect(toInboxRow({ ...baseInbox, last_direction: 'inbound' }).previewFromAgent).toBe(false);
  });
});

const baseInbox = {
  id: 'c',
  subject: null,
  channel: 'sms',
  status: 'queued',
  last_message_at: 1,
  preview: '',
  last_direction: null,
  contact_name: null,
  assignee_name: null,
  unread: 0,
  waiting_since: 1,
  tags: '[]',
  labels: '[]',
  pinned: 0,
};

describe('toThreadMessage', () => {
  const row: MessageSqlRow = {
    id: 'e1',
    client_id: 'e1',
    conversation_id: 'c1',
    seq: null,
    direction: 'outbound',
    kind: 'text',
    channel: 'sms',
    extra: null,
    rev_seq: 0,
    author_agent_id: 'a1',
    body: 'hi',
    created_at: 10,
    status: 'pending',
    status_seq: 0,
    call: null,
    local: 1,
    author_name: 'Alex',
    outbox_state: 'waiting',
    outbox_error: null,
    outbox_error_reason: null,
  };
  it('reports an optimistic row with its outbox state, sending while in flight', () => {
    expect(toThreadMessage(row, null)).toMatchObject({ seq: 0, status: 'pending', outbox: { state: 'waiting', entryId: 'e1' } });
    expect(toThreadMessage(row, 'e1').outbox?.state).toBe('sending');
  });
  it('reports a server row without outbox state and parses call records', () => {
    const call = { durationSec: 3, transcript: [] };
    const m = toThreadMessage({ ...row, local: 0, seq: 7, call: JSON.stringify(call), outbox_state: null }, null);
    expect(m.outbox).toBeNull();
    expect(m.call).toEqual(call);
  });
});
