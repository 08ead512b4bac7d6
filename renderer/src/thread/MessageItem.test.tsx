import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ThreadMessage } from '../../../shared/ipc/contract';
import { reason } from '../../../shared/reasons';
import { fakeDesk, renderWithDesk } from '../test/fakeDesk';
import { threadMessage } from '../test/threadMessage';
import { MessageItem } from './MessageItem';

const base: ThreadMessage = threadMessage();

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

  it('says plainly when an edit did not reach the customer', async () => {
    const sms = { ...base, direction: 'outbound' as const, channel: 'sms' as const, body: 'Fixed', status: 'delivered' as const, editedAt: Date.now() };
    const first = await renderWithDesk(<MessageItem message={{ ...sms, customerCopy: 'unsupported' }} />, fakeDesk({}));
    expect(screen.getByTestId('customer-copy').textContent).toBe("The customer still has the original: SMS can't change a sent message.");
    first.unmount();
    await renderWithDesk(<MessageItem message={{ ...sms, channel: 'whatsapp', customerCopy: 'updated' }} />, fakeDesk({}));
    expect(screen.queryByTestId('customer-copy')).toBeNull();
  });

  it('words a system line in the agent’s language with the names as they are, and shows the stored line for an unknown event', async () => {
    const line = {
      ...base,
      direction: 'system' as const,
      body: 'Alex Morgan transferred the conversation to the Billing queue',
      event: { code: 'transferredToQueue', params: { agent: 'Alex Morgan', queue: 'Billing' } },
    };
    const german = await renderWithDesk(<MessageItem message={line} />, fakeDesk({}), 'de');
    expect(screen.getByTestId('message').textContent).toContain('Alex Morgan hat die Unterhaltung an die Warteschlange Billing weitergeleitet');
    german.unmount();
    const arabic = await renderWithDesk(<MessageItem message={{ ...line, event: { code: 'resolved', params: { agent: 'سارة', reason: 'Solved' } } }} />, fakeDesk({}), 'ar');
    expect(screen.getByTestId('message').textContent).toContain('أنهى سارة المحادثة: Solved');
    arabic.unmount();
    await renderWithDesk(<MessageItem message={{ ...line, body: 'Merged into another conversation', event: { code: 'merged', params: {} } }} />, fakeDesk({}), 'de');
    expect(screen.getByTestId('message').textContent).toContain('Merged into another conversation');
  });

  it('offers retry and discard on a failed send', async () => {
    const desk = fakeDesk({ 'outbox.retry': async () => null });
    const failed = { ...base, direction: 'outbound' as const, body: 'Hello', status: 'pending' as const, outbox: { state: 'failed' as const, error: 'Window closed', errorReason: reason('whatsappWindowClosed'), entryId: 'e7' } };
    await renderWithDesk(<MessageItem message={failed} />, desk);
    // The refusal is worded from its code, not from the English the server sent alongside.
    expect(screen.getByText(/^Not sent: WhatsApp’s 24-hour window is closed/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Discard' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(desk.calls).toContainEqual({ method: 'outbox.retry', request: { entryId: 'e7' } }));
  });

  it('shows a call as a card that expands to the transcript', async () => {
    const call = {
      ...base,
      kind: 'call' as const,
      channel: 'voice' as const,
      body: 'Call, 5 min',
      call: {
        durationSec: 135,
        transcript: [
          { speaker: 'customer' as const, atSec: 3, text: 'Hello?' },
          { speaker: 'agent' as const, atSec: 6, text: 'Hi, Acme support.' },
        ],
        outcome: 'transferred' as const,
        summary: 'Asked about a refund.',
      },
    };
    await renderWithDesk(<MessageItem message={call} />, fakeDesk({}));
    expect(screen.getByTestId('call-duration').textContent).toBe('2m 15s');
    expect(screen.getByText('Transferred to staff')).toBeTruthy();
    expect(screen.getByText('Asked about a refund.')).toBeTruthy();
    expect(screen.queryByText('Hello?')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show transcript' }));
    expect(screen.getByText('Hello?').closest('li')?.className).toContain('call__line--customer');
    expect(screen.getByText('Hi, Acme support.').closest('li')?.className).toContain('call__line--agent');
  });

  it('renders markdown as elements and keeps HTML as text', async () => {
    const { container } = await renderWithDesk(
      <MessageItem message={{ ...base, body: '**Bold** and *soft* `code` [docs](https://example.com/d) <img src=x onerror=alert(1)> [x](javascript:alert(1))' }} />,
      fakeDesk({}),
    );
    expect(container.querySelector('strong')?.textContent).toBe('Bold');
    expect(container.querySelector('em')?.textContent).toBe('soft');
    expect(container.querySelector('code')?.textContent).toBe('code');
    const links = container.querySelectorAll('a');
    expect([...links].map((a) => a.getAttribute('href'))).toEqual(['https://example.com/d']);
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('[x](javascript:alert(1))');
  });

  it('shows deletions, edits, the bot badge and reactions', async () => {
    const desk = fakeDesk({ 'message.react': async () => null });
    await renderWithDesk(<MessageItem message={{ ...base, body: '', deletedAt: 5 }} />, desk);
    expect(screen.getByTestId('message-deleted').textContent).toBe('Message deleted');
    await renderWithDesk(
      <MessageItem
        message={{ ...base, id: 'm2', seq: 3, direction: 'outbound', body: 'Thanks!', editedAt: 9, automated: true, reactions: [{ emoji: '👍', agentId: null }] }}
      />,
      desk,
    );
    expect(screen.getByTestId('edited').textContent).toBe('edited');
    expect(screen.getByTestId('bot-badge').textContent).toBe('Automated');
    fireEvent.click(screen.getByRole('button', { name: '👍 1' }));
    await waitFor(() => expect(desk.calls).toContainEqual({ method: 'message.react', request: { messageId: 'm2', emoji: '👍', on: true } }));
  });
});
