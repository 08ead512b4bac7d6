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
    await renderWithDesk(<InboxRowItem row={row} now={now} open={false} highlighted={false} domId="r" onOpen={onOpen} onAccept={() => undefined} />, fakeDesk({}));
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
    await renderWithDesk(<InboxRowItem row={{ ...row, unreadCount: 0, previewFromAgent: false }} now={now} open highlighted={false} domId="r" onOpen={() => undefined} onAccept={() => undefined} />, fakeDesk({}));
    expect(screen.queryByTestId('unread-badge')).toBeNull();
    expect(screen.getByText('On its way')).toBeTruthy();
    expect(screen.getByTestId('inbox-row').getAttribute('aria-selected')).toBe('true');
  });

  it('shows a queued row with its wait, labels and pin, and accepts without opening twice', async () => {
    const onOpen = vi.fn();
    const onAccept = vi.fn();
    const queued: InboxRow = { ...row, status: 'queued', waitingSince: now - 3 * 3_600_000, labels: ['escalated'], tags: ['vip'], pinned: true };
    await renderWithDesk(<InboxRowItem row={queued} now={now} open={false} highlighted={false} domId="r" onOpen={onOpen} onAccept={onAccept} />, fakeDesk({}));
    const option = screen.getByTestId('inbox-row');
    expect(option.dataset).toMatchObject({ status: 'queued', pinned: 'true', labels: 'escalated' });
    expect(option.className).toContain('inbox-row--label-escalated');
    expect(screen.getByTestId('row-label').textContent).toBe('Escalated');
    expect(screen.getByTestId('row-waiting').textContent).toBe('Waiting 3 hours');
    fireEvent.click(screen.getByTestId('row-accept'));
    expect(onAccept).toHaveBeenCalledWith('c9');
    expect(onOpen).not.toHaveBeenCalled();
  });
});
