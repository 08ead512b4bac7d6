import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { plainMessageFields } from '../../../shared/domain';
import type { ThreadMessage } from '../../../shared/ipc/contract';
import { fakeDesk, renderWithDesk } from '../test/fakeDesk';
import { MessageItem } from './MessageItem';

const base: ThreadMessage = {
  id: 'm1',
  clientId: null,
  conversationId: 'c1',
  seq: 1,
  direction: 'inbound',
  kind: 'text',
  channel: 'whatsapp',
  authorAgentId: null,
  body: '',
  createdAt: Date.now(),
  status: null,
  statusSeq: 0,
  call: null,
  ...plainMessageFields(),
  authorName: null,
  outbox: null,
};

describe('MessageItem', () => {
  it('renders customer text as text, never as HTML', async () => {
    const { container } = await renderWithDesk(<MessageItem message={{ ...base, body: 'Hi <b>there</b>\n<script>x()</script>' }} />, fakeDesk({}));
    expect(container.querySelector('b, script')).toBeNull();
    expect(screen.getByText(/Hi <b>there<\/b>/).textContent).toBe('Hi <b>there</b>\n<script>x()</script>');
    expect(screen.getByRole('img', { name: 'WhatsApp' })).toBeTruthy();
  });

  it('labels agent messages with the author and delivery state', async () => {
    await renderWithDesk(<MessageItem message={{ ...base, direction: 'outbound', body: 'Done', authorName: 'Alex Morgan', status: 'read', clientId: 'u1' }} />, fakeDesk({}));
    const item = screen.getByTestId('message');
    expect(item.dataset).toMatchObject({ direction: 'outbound', status: 'read', clientId: 'u1' });
    expect(screen.getByText('Alex Morgan')).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Read' })).toBeTruthy();
  });

  it('offers retry and discard on a failed send', async () => {
    const desk = fakeDesk({ 'outbox.retry': async () => null });
    const failed = { ...base, direction: 'outbound' as const, body: 'Hello', status: 'pending' as const, outbox: { state: 'failed' as const, error: 'Window closed', entryId: 'e7' } };
    await renderWithDesk(<MessageItem message={failed} />, desk);
    expect(screen.getByText('Not sent: Window closed')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Discard' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(desk.calls).toContainEqual({ method: 'outbox.retry', request: { entryId: 'e7' } }));
  });

  it('shows a call with an expandable transcript', async () => {
    const call = { ...base, kind: 'call' as const, channel: 'voice' as const, call: { durationSec: 272, transcript: [{ speaker: 'customer' as const, atSec: 3, text: 'Hello?' }], outcome: 'completed' as const, summary: null } };
    await renderWithDesk(<MessageItem message={call} />, fakeDesk({}));
    expect(screen.getByText('Phone call · 4:32')).toBeTruthy();
    expect(screen.queryByText('Hello?')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show transcript' }));
    expect(screen.getByText('Hello?')).toBeTruthy();
  });
});
