import { focusManager } from '@tanstack/react-query';
import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeDesk, renderWithDesk } from '../test/fakeDesk';
import { useActivity } from './useActivity';

function Presence({ conversationId }: { conversationId: string }) {
  const activity = useActivity(conversationId);
  return <span data-testid="online">{activity.data ? String(activity.data.customerOnline) : 'loading'}</span>;
}

afterEach(() => focusManager.setFocused(undefined));

describe('useActivity', () => {
  it('asks again when the core tells about its conversation or about all, and when the window comes back into view', async () => {
    let customerOnline = true;
    const desk = fakeDesk({ 'activity.get': async () => ({ customerOnline, typing: [] }) });
    const asked = () => desk.calls.filter((c) => c.method === 'activity.get').length;
    await renderWithDesk(<Presence conversationId="c1" />, desk);
    await screen.findByText('true');
    expect(asked()).toBe(1);

    customerOnline = false;
    act(() => desk.emit('activity', { conversationIds: ['c2'] }));
    await new Promise((r) => setTimeout(r, 20));
    expect(asked()).toBe(1);
    act(() => desk.emit('activity', { conversationIds: ['c2', 'c1'] }));
    await screen.findByText('false');
    expect(asked()).toBe(2);

    customerOnline = true;
    act(() => desk.emit('activity', { conversationIds: [] }));
    await screen.findByText('true');
    expect(asked()).toBe(3);

    // Hidden, the core may have stopped telling (it tells about conversations asked about lately):
    // back in view, the thread asks at once.
    customerOnline = false;
    act(() => focusManager.setFocused(false));
    act(() => focusManager.setFocused(true));
    await screen.findByText('false');
    await waitFor(() => expect(asked()).toBe(4));
  });
});
