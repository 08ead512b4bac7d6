// The portal's screens in jsdom against an in-memory API: what the customer sees and what their
// actions send. The real server is exercised in server/portal/ and e2e/portal.spec.ts.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PortalConversation, PortalMe, PortalMessage, PortalThread } from '../../shared/portal';
import { ApiError, type PortalApi } from './api';
import { App } from './App';
import { createPortalI18n, type PortalI18n } from './i18n/i18n';
import type { Route } from './routes';

let setup: PortalI18n;
beforeAll(async () => {
  setup = await createPortalI18n(['en-US']);
});

const me: PortalMe = { customer: { name: 'Ann Lee' }, team: { name: 'Acme Garage' }, replyWithinMinutes: 60 };
const now = Date.now();
const conversation = (id: string, patch: Partial<PortalConversation> = {}): PortalConversation => ({
  id,
  channel: 'whatsapp',
  open: true,
  linkedRecord: null,
  lastMessage: { from: 'staff', channel: 'whatsapp', preview: 'Your car is ready.', createdAt: now - 5 * 60_000 },
  unreadCount: 0,
  ...patch,
});
const message = (id: string, seq: number, patch: Partial<PortalMessage> = {}): PortalMessage => ({
  id,
  seq,
  from: 'customer',
  kind: 'text',
  channel: 'portal',
  body: `message ${id}`,
  createdAt: now - 60_000,
  staffName: null,
  status: 'sent',
  call: null,
  deleted: false,
  edited: false,
  ...patch,
});

interface FakeApi extends PortalApi {
  list: PortalConversation[];
  threads: Map<string, PortalThread>;
  send: ReturnType<typeof vi.fn<PortalApi['send']>>;
  markRead: ReturnType<typeof vi.fn<PortalApi['markRead']>>;
}

function fakeApi(): FakeApi {
  const api: FakeApi = {
    tenant: 'acme',
    eventsUrl: '/events',
    list: [],
    threads: new Map(),
    me: async () => me,
    conversations: async () => api.list,
    thread: async (id) => {
      const thread = api.threads.get(id);
      if (!thread) throw new ApiError(404, 'notFound', `Conversation ${id} not found.`);
      return thread;
    },
    send: vi.fn<PortalApi['send']>(async (id, request) => ({
      conversationId: id ?? 'new-1',
      message: message('m-new', 99, { body: request.text }),
    })),
    markRead: vi.fn<PortalApi['markRead']>(async () => undefined),
    signOut: async () => undefined,
  };
  return api;
}

class SilentStream {
  readyState = 1;
  addEventListener() {}
  close() {}
}

const openStream = vi.fn(() => new SilentStream() as unknown as EventSource);

function renderPortal(api: PortalApi, route: Route = { page: 'messages' }) {
  return render(
    <I18nextProvider i18n={setup.i18n}>
      <App api={api} locale="en-US" initialRoute={route} signInFailure={null} openStream={openStream} />
    </I18nextProvider>,
  );
}

beforeEach(() => {
  openStream.mockClear();
  Element.prototype.scrollTo = () => undefined;
  vi.stubGlobal('requestAnimationFrame', (fn: () => void) => setTimeout(fn, 0));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Messages page', () => {
  it('shows one card per conversation with its record, channel, preview, time and unread count', async () => {
    const api = fakeApi();
    api.list = [
      conversation('c1', { unreadCount: 2, linkedRecord: { type: 'vehicle', label: 'AB12 CDE · Ford Focus' } }),
      conversation('c2', { channel: 'email', lastMessage: { from: 'customer', channel: 'email', preview: 'Thanks!', createdAt: now - 3 * 86_400_000 } }),
    ];
    renderPortal(api);
    expect(await screen.findByRole('heading', { name: 'Messages' })).toBeTruthy();
    expect(screen.getByText('Your conversations with the team')).toBeTruthy();
    const [first, second] = screen.getAllByTestId('portal-conversation');
    expect(within(first!).getByTestId('portal-record-title').textContent).toBe('AB12 CDE · Ford Focus');
    expect(within(first!).getByTestId('portal-channel-badge').textContent).toBe('WhatsApp');
    expect(within(first!).getByTestId('portal-conversation-preview').textContent).toBe('Team: Your car is ready.');
    expect(within(first!).getByText('5 minutes ago')).toBeTruthy();
    expect(within(first!).getByTestId('portal-unread-badge').textContent).toBe('2');
    expect(within(second!).getByTestId('portal-record-title').textContent).toBe('General enquiry');
    expect(within(second!).getByTestId('portal-conversation-preview').textContent).toBe('You: Thanks!');
    expect(within(second!).queryByTestId('portal-unread-badge')).toBeNull();
  });

  it('shows the compose view without conversations; sending starts one and opens it', async () => {
    const api = fakeApi();
    api.threads.set('new-1', { conversation: conversation('new-1', { channel: 'portal' }), messages: [message('m-new', 99, { body: 'My brakes squeak' })] });
    renderPortal(api);
    expect(await screen.findByRole('heading', { name: 'Need help?' })).toBeTruthy();
    const input = screen.getByPlaceholderText('How can we help?');
    expect(screen.getByTestId('portal-composer-counter').textContent).toBe('0 / 5,000');
    fireEvent.change(input, { target: { value: 'x'.repeat(5_001) } });
    expect(screen.getByTestId('portal-composer-counter').textContent).toBe('5,001 / 5,000');
    expect((screen.getByTestId('portal-composer-send') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(input, { target: { value: 'My brakes squeak' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(api.send).toHaveBeenCalledWith(null, { clientId: expect.any(String), text: 'My brakes squeak' }));
    expect(await screen.findByTestId('portal-thread')).toBeTruthy();
    expect(location.pathname).toBe('/portal/acme/conversations/new-1');
    // One event stream for the whole visit, not one per render or screen.
    expect(openStream).toHaveBeenCalledTimes(1);
  });
});

describe('Thread', () => {
  const thread: PortalThread = {
    conversation: conversation('c1', { unreadCount: 1 }),
    messages: [
      message('m1', 10, { body: '<img src=x onerror=alert(1)> is it ready?', status: 'read' }),
      message('m2', 11, { from: 'staff', staffName: 'Alex Morgan', channel: 'whatsapp', body: 'Yes, come by at 4.', status: null }),
      message('m3', 12, {
        from: 'customer',
        kind: 'call',
        channel: 'voice',
        body: 'Call, 2 min',
        status: 'delivered',
        call: { durationSec: 125, outcome: 'completed', summary: null, transcript: [{ speaker: 'agent', atSec: 3, text: 'Acme Garage, hello.' }] },
      }),
    ],
  };

  it('shows the header, every channel, who wrote what, delivery ticks and text as text', async () => {
    const api = fakeApi();
    api.threads.set('c1', thread);
    const { container } = renderPortal(api, { page: 'thread', conversationId: 'c1' });
    expect(await screen.findByRole('heading', { name: 'General enquiry' })).toBeTruthy();
    expect(screen.getByTestId('portal-privacy').textContent).toBe('Messages are stored and visible to staff.');
    expect(screen.getByTestId('portal-reply-time').textContent).toBe('The team usually replies within 1 hour.');
    const [mine, staff, call] = screen.getAllByTestId('portal-message');
    expect(mine!.dataset.status).toBe('read');
    expect(within(mine!).getByRole('img', { name: 'Read by the team' })).toBeTruthy();
    expect(within(staff!).getByText('Alex Morgan')).toBeTruthy();
    expect(within(staff!).getByTestId('portal-channel-badge').textContent).toBe('WhatsApp');
    expect(within(call!).getByText('Show transcript')).toBeTruthy();
    expect(within(call!).getByText('Acme Garage, hello.')).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)> is it ready?')).toBeTruthy();
    await waitFor(() => expect(api.markRead).toHaveBeenCalledWith('c1', 12));
  });

  it('sends with Enter, makes a new line with Shift+Enter, and shows the message pending until stored', async () => {
    const api = fakeApi();
    api.threads.set('c1', thread);
    let finish: () => void = () => undefined;
    api.send.mockImplementation((id, request) => new Promise((resolve) => (finish = () => resolve({ conversationId: id!, message: message('m9', 20, { body: request.text }) }))));
    renderPortal(api, { page: 'thread', conversationId: 'c1' });
    const input = await screen.findByTestId('portal-composer-input');
    fireEvent.change(input, { target: { value: 'Line one' } });
    fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    expect(api.send).not.toHaveBeenCalled();
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(api.send).toHaveBeenCalledWith('c1', { clientId: expect.any(String), text: 'Line one' });
    expect((input as HTMLTextAreaElement).value).toBe('');
    const pending = screen.getAllByTestId('portal-message').at(-1)!;
    expect(pending.dataset.status).toBe('pending');
    api.threads.set('c1', { ...thread, messages: [...thread.messages, message('m9', 20, { body: 'Line one' })] });
    await act(async () => finish());
    await waitFor(() => expect(screen.getAllByTestId('portal-message').at(-1)!.dataset.status).toBe('sent'));
  });

  it('keeps a failed message with a retry that reuses its id', async () => {
    const api = fakeApi();
    api.threads.set('c1', thread);
    api.send.mockRejectedValueOnce(new ApiError(0, 'offline', 'down'));
    renderPortal(api, { page: 'thread', conversationId: 'c1' });
    const input = await screen.findByTestId('portal-composer-input');
    fireEvent.change(input, { target: { value: 'Still there?' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.click(await screen.findByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(api.send).toHaveBeenCalledTimes(2));
    expect(api.send.mock.calls[1]![1]).toEqual(api.send.mock.calls[0]![1]);
  });

  it('says "Conversation not found" for an id the customer may not see, and shows the empty state', async () => {
    const api = fakeApi();
    renderPortal(api, { page: 'thread', conversationId: 'someone-else' });
    expect(await screen.findByRole('heading', { name: 'Conversation not found' })).toBeTruthy();
    cleanup();
    api.threads.set('c3', { conversation: conversation('c3', { lastMessage: null }), messages: [] });
    renderPortal(api, { page: 'thread', conversationId: 'c3' });
    const empty = await screen.findByTestId('portal-thread-empty');
    expect(empty.textContent).toBe('No messages yetStart a text conversation below.');
  });
});
