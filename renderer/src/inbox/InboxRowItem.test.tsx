import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { InboxRow } from '../../../shared/ipc/contract';
import { fakeDesk, renderWithDesk } from '../test/fakeDesk';
import { InboxRowItem } from './InboxRowItem';

const now = Date.now();
const row: InboxRow = {
  conversationId: 'c9',
  contactName: 'Maria García',
  subject: null,
  channel: 'sms',
  status: 'active',
  assigneeName: 'Alex Morgan',
  lastMessageAt: now - 5 * 60_000,
  preview: 'On its way',
  previewFromAgent: true,
  unreadCount: 140,
  waitingSince: null,
  tags: [],
  labels: [],
  pinned: false,
};

describe('InboxRowItem', () => {
  it('shows the agent prefix, time, channel and a capped unread badge', async () => {
    const onOpen = vi.fn();
    await renderWithDesk(<InboxRowItem row={row} now={now} open={false} highlighted={false} domId="r" onOpen={onOpen} />, fakeDesk({}));
    const option = screen.getByTestId('inbox-row');
    expect(option.dataset).toMatchObject({ conversationId: 'c9', unread: '140' });
    expect(screen.getByText('You: \u2068On its way\u2069')).toBeTruthy();
    expect(screen.getByText('5 min ago')).toBeTruthy();
    expect(screen.getByRole('img', { name: 'SMS' })).toBeTruthy();
    expect(screen.getByTestId('unread-badge').textContent).toBe('99+');
    fireEvent.click(option);
    expect(onOpen).toHaveBeenCalledWith('c9');
  });

  it('has no badge when read', async () => {
    await renderWithDesk(<InboxRowItem row={{ ...row, unreadCount: 0, previewFromAgent: false }} now={now} open highlighted={false} domId="r" onOpen={() => undefined} />, fakeDesk({}));
    expect(screen.queryByTestId('unread-badge')).toBeNull();
    expect(screen.getByText('On its way')).toBeTruthy();
    expect(screen.getByTestId('inbox-row').getAttribute('aria-selected')).toBe('true');
  });
});
