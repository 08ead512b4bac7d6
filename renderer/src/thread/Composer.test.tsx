import { fireEvent, screen, waitFor } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import type { ThreadMessage } from '../../../shared/ipc/contract';
import { fakeDesk, renderWithDesk } from '../test/fakeDesk';
import { Composer } from './Composer';

const renderComposer = (desk = fakeDesk({ 'message.send': async () => ({}) as ThreadMessage })) =>
  renderWithDesk(<Composer conversationId="c1" contactName="Maria" inputRef={createRef()} drafts={new Map()} />, desk).then(() => desk);

describe('Composer', () => {
  it('sends on Enter and clears the box', async () => {
    const desk = await renderComposer();
    const input = screen.getByTestId('composer-input') as HTMLTextAreaElement;
    expect(screen.getByTestId('composer-send')).toHaveProperty('disabled', true);
    fireEvent.change(input, { target: { value: 'On its way' } });
    expect(screen.getByTestId('composer-send')).toHaveProperty('disabled', false);
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(desk.calls).toContainEqual({ method: 'message.send', request: { conversationId: 'c1', body: 'On its way' } }));
    expect(input.value).toBe('');
  });

  it('keeps Shift+Enter for a new line', async () => {
    const desk = await renderComposer();
    const input = screen.getByTestId('composer-input');
    fireEvent.change(input, { target: { value: 'Line 1' } });
    fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    expect(desk.calls.some((call) => call.method === 'message.send')).toBe(false);
  });

  it('does not send whitespace', async () => {
    const desk = await renderComposer();
    const input = screen.getByTestId('composer-input');
    fireEvent.change(input, { target: { value: '   ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(desk.calls.some((call) => call.method === 'message.send')).toBe(false);
  });
});
