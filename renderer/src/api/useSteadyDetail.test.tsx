import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ConversationDetail } from '../../../shared/ipc/contract';
import { fakeDesk, renderWithDesk } from '../test/fakeDesk';
import { useSteadyDetail } from './useSteadyDetail';

const conversation = {
  id: 'c1',
  contactId: 'k1',
  channel: 'whatsapp',
  status: 'assigned',
  queueId: 'q1',
  assigneeId: 'a1',
  subject: null,
  createdAt: 1,
  lastMessageAt: 10,
  lastMessagePreview: 'Hello',
  lastMessageDirection: 'inbound',
  lastInboundAt: 10,
  waitingSince: 10,
  tags: [],
  labels: [],
  previousConversationId: null,
  closureReason: null,
  seq: 5,
} as const;
const detail = (changes: Partial<ConversationDetail['conversation']>): ConversationDetail =>
  ({ conversation: { ...conversation, ...changes }, contact: { id: 'k1', name: 'Ana' }, assignee: null, queue: null, pinned: false, previous: null }) as unknown as ConversationDetail;
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('steady conversation details', () => {
  it('do not render their view again for a new message, and do for a change it shows', async () => {
    let answer = detail({});
    const desk = fakeDesk({ 'conversation.get': async () => answer });
    let renders = 0;
    function Header() {
      const steady = useSteadyDetail('c1');
      renders++;
      return <p>{steady.data ? `${steady.data.contact.name}: ${steady.data.conversation.status}` : 'loading'}</p>;
    }
    const { queryClient } = await renderWithDesk(<Header />, desk);
    await screen.findByText('Ana: assigned');
    await settle();
    const before = renders;
    // A customer message: only the per-message fields change.
    answer = detail({ lastMessageAt: 20, lastMessagePreview: 'Are you there?', lastInboundAt: 20, waitingSince: 20, seq: 6 });
    await act(() => queryClient.invalidateQueries());
    await settle();
    expect(desk.calls.filter((call) => call.method === 'conversation.get')).toHaveLength(2);
    expect(renders).toBe(before);
    // Resolved: the view shows it.
    answer = detail({ status: 'resolved', seq: 7 });
    await act(() => queryClient.invalidateQueries());
    await waitFor(() => expect(screen.getByText('Ana: resolved')).toBeTruthy());
  });
});
