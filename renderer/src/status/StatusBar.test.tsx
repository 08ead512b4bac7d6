import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ConnectionState, Session } from '../../../shared/ipc/contract';
import { usePushSync } from '../api/usePushSync';
import { fakeDesk, renderWithDesk } from '../test/fakeDesk';
import { StatusBar } from './StatusBar';

const session: Session = { agent: { id: 'a1', name: 'Alex Morgan', email: 'alex@acme.test' }, tenantName: 'Acme', serverUrl: 'http://x' };

function WithPush() {
  usePushSync(() => undefined);
  return <StatusBar session={session} onOpenDiagnostics={() => undefined} onOpenShortcuts={() => undefined} />;
}

describe('StatusBar', () => {
  it('follows connection pushes and shows sync progress', async () => {
    const online: ConnectionState = { status: 'online', unsent: 0, failed: 0, sync: null, lastError: null };
    const desk = fakeDesk({ 'connection.get': async () => online });
    await renderWithDesk(<WithPush />, desk);
    expect((await screen.findByText('Online')).closest('[data-testid="connection-status"]')?.getAttribute('data-status')).toBe('online');

    act(() => desk.emit('connection', { status: 'offline', unsent: 3, failed: 0, sync: { phase: 'bootstrap', done: 12400, total: 50000 }, lastError: null }));
    const status = screen.getByTestId('connection-status');
    await waitFor(() => expect(status.dataset.status).toBe('offline'));
    expect(status.textContent).toBe('Offline — 3 messages waiting');
    expect(screen.getByTestId('sync-progress').textContent).toBe('Syncing 12,400 of 50,000 conversations');
  });

  it('names failed messages apart instead of counting them as sending', async () => {
    const desk = fakeDesk({ 'connection.get': async () => ({ status: 'online', unsent: 3, failed: 1, sync: null, lastError: null }) });
    await renderWithDesk(<WithPush />, desk);
    const status = await screen.findByTestId('connection-status');
    await waitFor(() => expect(status.textContent).toBe('Sending 2 messages…'));
    act(() => desk.emit('connection', { status: 'online', unsent: 1, failed: 1, sync: null, lastError: null }));
    await waitFor(() => expect(status.textContent).toBe('Online — 1 message not sent'));
    act(() => desk.emit('connection', { status: 'offline', unsent: 4, failed: 4, sync: null, lastError: null }));
    await waitFor(() => expect(status.textContent).toBe('Offline — 4 messages not sent'));
  });

  it('asks before logging out with unsent messages', async () => {
    const desk = fakeDesk({
      'connection.get': async () => ({ status: 'offline', unsent: 2, failed: 0, sync: null, lastError: null }),
      'session.logout': async () => ({ discarded: 2 }),
    });
    await renderWithDesk(<StatusBar session={session} onOpenDiagnostics={() => undefined} onOpenShortcuts={() => undefined} />, desk);
    await screen.findByText('Offline — 2 messages waiting');
    fireEvent.click(screen.getByTestId('logout'));
    const dialog = screen.getByTestId('logout-dialog');
    expect(within(dialog).getByText('2 messages have not been sent yet. Logging out discards them.')).toBeTruthy();
    expect(desk.calls.some((call) => call.method === 'session.logout')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Discard and log out' }));
    await waitFor(() => expect(desk.calls).toContainEqual({ method: 'session.logout', request: { discardUnsent: true } }));
  });
});
