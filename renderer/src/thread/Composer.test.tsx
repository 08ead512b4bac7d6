import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import { WHATSAPP_WINDOW_MS } from '../../../shared/channels/whatsapp';
import type { Channel } from '../../../shared/domain';
import type { ThreadMessage } from '../../../shared/ipc/contract';
import { fakeDesk, renderWithDesk } from '../test/fakeDesk';
import { Composer } from './Composer';

const renderComposer = (
  desk = fakeDesk({ 'message.send': async () => ({}) as ThreadMessage, 'activity.typing': async () => null }),
  channel: Channel = 'email',
  lastInboundAt: number | null = Date.now(),
) =>
  renderWithDesk(
    <Composer
      conversationId="c1"
      contactName="Maria"
      channel={channel}
      lastInboundAt={lastInboundAt}
      inputRef={createRef()}
      lastInbound=""
      quoting={null}
      clearQuote={() => undefined}
      dropped={null}
    />,
    desk,
  ).then(() => desk);

const sends = (desk: Awaited<ReturnType<typeof renderComposer>>) => desk.calls.filter((c) => c.method === 'message.send').map((c) => c.request);

describe('Composer', () => {
  it('sends on Enter and clears the box', async () => {
    const desk = await renderComposer();
    const input = screen.getByTestId('composer-input') as HTMLTextAreaElement;
    expect(screen.getByTestId('composer-send')).toHaveProperty('disabled', true);
    fireEvent.change(input, { target: { value: 'On its way' } });
    expect(screen.getByTestId('composer-send')).toHaveProperty('disabled', false);
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(sends(desk)).toEqual([expect.objectContaining({ conversationId: 'c1', body: 'On its way', kind: 'text' })]));
    expect(input.value).toBe('');
  });

  it('keeps Shift+Enter for a new line', async () => {
    const desk = await renderComposer();
    const input = screen.getByTestId('composer-input');
    fireEvent.change(input, { target: { value: 'Line 1' } });
    fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    expect(sends(desk)).toEqual([]);
  });

  it('does not send whitespace', async () => {
    const desk = await renderComposer();
    const input = screen.getByTestId('composer-input');
    fireEvent.change(input, { target: { value: '   ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(sends(desk)).toEqual([]);
  });

  it('switches to note mode with Ctrl+N and sends a note', async () => {
    const desk = await renderComposer();
    const input = screen.getByTestId('composer-input');
    fireEvent.keyDown(input, { key: 'n', ctrlKey: true });
    await waitFor(() => expect(screen.getByTestId('composer').dataset.mode).toBe('note'));
    fireEvent.change(input, { target: { value: 'Customer is a VIP' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(sends(desk)).toEqual([expect.objectContaining({ body: 'Customer is a VIP', kind: 'note' })]));
  });

  it('blocks free text outside the WhatsApp window and offers templates', async () => {
    const desk = await renderComposer(undefined, 'whatsapp', Date.now() - WHATSAPP_WINDOW_MS - 1_000);
    expect(screen.getByTestId('whatsapp-window').dataset.open).toBe('false');
    expect(screen.getByTestId('composer-input')).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByTestId('open-templates'));
    fireEvent.click(screen.getAllByTestId('template-option')[0] as HTMLElement);
    const params = screen.getAllByTestId('template-param') as HTMLInputElement[];
    expect(params[0]?.value).toBe('Maria');
    for (const p of params) if (p.value === '') fireEvent.change(p, { target: { value: 'Alex' } });
    fireEvent.click(screen.getByTestId('template-send'));
    await waitFor(() => expect(sends(desk)).toEqual([expect.objectContaining({ template: { id: 'follow_up', params: ['Maria', 'Alex'] } })]));
  });

  it('shows the time left inside the WhatsApp window', async () => {
    await renderComposer(undefined, 'whatsapp', Date.now() - 60 * 60_000);
    expect(screen.getByTestId('whatsapp-window').textContent).toMatch(/23 h 0 min left/);
  });

  it('counts SMS segments while typing', async () => {
    await renderComposer(undefined, 'sms');
    fireEvent.change(screen.getByTestId('composer-input'), { target: { value: 'a'.repeat(161) } });
    expect(screen.getByTestId('sms-counter').dataset.segments).toBe('2');
  });

  it('refuses an oversize file with its reason and stages nothing', async () => {
    const desk = await renderComposer();
    const big = new File([new Uint8Array(6 * 1024 * 1024)], 'scan.png', { type: 'image/png' });
    await act(async () => {
      fireEvent.change(screen.getByTestId('composer-file'), { target: { files: [big] } });
    });
    expect(screen.getByTestId('attachment-refusal').textContent).toMatch(/scan\.png was not attached: it is 6 MB, the limit for this type is 5 MB/);
    expect(desk.calls.some((c) => c.method === 'attachment.stage')).toBe(false);
    expect(screen.queryByTestId('attachment-pending')).toBeNull();
  });
});
