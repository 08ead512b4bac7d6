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
  attachments: [],
  ...patch,
});

interface FakeApi extends PortalApi {
  list: PortalConversation[];
  threads: Map<string, PortalThread>;
  send: ReturnType<typeof vi.fn<PortalApi['send']>>;
  typing: ReturnType<typeof vi.fn<PortalApi['typing']>>;
  upload: ReturnType<typeof vi.fn<PortalApi['upload']>>;
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
    upload: vi.fn<PortalApi['upload']>(async (_id, file, onProgress) => onProgress(file.size)),
    attachmentUrl: (id) => `/files/${id}`,
    typing: vi.fn<PortalApi['typing']>(async () => undefined),
    signOut: async () => undefined,
  };
  return api;
}

/** A stream that says nothing unless a test makes it (`emit`). */
class SilentStream {
  static listeners = new Map<string, (event: MessageEvent<string>) => void>();
  readyState = 1;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    SilentStream.listeners.set(type, listener);
  }
  close() {}
}
const emit = (type: string, data: unknown) => act(() => SilentStream.listeners.get(type)?.(new MessageEvent(type, { data: JSON.stringify(data) })));

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
    await waitFor(() => expect(api.send).toHaveBeenCalledWith(null, { clientId: expect.any(String), text: 'My brakes squeak', attachmentIds: [] }));
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
    expect(api.send).toHaveBeenCalledWith('c1', { clientId: expect.any(String), text: 'Line one', attachmentIds: [] });
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

  it('shows the team’s files (images inline, others as links) and marks edited replies', async () => {
    const api = fakeApi();
    const photo = { id: 'a1', name: 'quote.png', mimeType: 'image/png', size: 2048, kind: 'image' as const };
    const pdf = { id: 'a2', name: 'invoice.pdf', mimeType: 'application/pdf', size: 3 * 1024 * 1024, kind: 'document' as const };
    api.threads.set('c1', {
      ...thread,
      messages: [message('m2', 11, { from: 'staff', staffName: 'Alex Morgan', body: 'Here you go', status: null, edited: true, attachments: [photo, pdf] })],
    });
    renderPortal(api, { page: 'thread', conversationId: 'c1' });
    const staff = await screen.findByTestId('portal-message');
    expect(within(staff).getByTestId('portal-edited').textContent).toBe('edited');
    expect(within(staff).getByRole('img', { name: 'Photo: quote.png' }).getAttribute('src')).toBe('/files/a1');
    const link = within(staff).getByRole('link', { name: 'Download invoice.pdf' });
    expect(link.getAttribute('href')).toBe('/files/a2');
    expect(link.textContent).toContain('3 MB');
  });

  it('refuses a file over the limit with its reason, and sends an accepted one with its caption', async () => {
    const api = fakeApi();
    api.threads.set('c1', thread);
    renderPortal(api, { page: 'thread', conversationId: 'c1' });
    const picker = await screen.findByTestId('portal-composer-file');
    const big = new File([new Uint8Array(6 * 1024 * 1024)], 'scan.png', { type: 'image/png' });
    fireEvent.change(picker, { target: { files: [big] } });
    expect(screen.getByTestId('portal-attachment-refusal').textContent).toBe('scan.png is 6 MB; the limit for this type is 5 MB.');
    expect(api.upload).not.toHaveBeenCalled();
    expect((screen.getByTestId('portal-composer-send') as HTMLButtonElement).disabled).toBe(true);

    const pdf = new File(['%PDF-1.4'], 'invoice.pdf', { type: 'application/pdf' });
    fireEvent.change(picker, { target: { files: [pdf] } });
    await waitFor(() => expect(screen.getByTestId('portal-attachment-pending').dataset.state).toBe('ready'));
    expect(screen.queryByTestId('portal-attachment-refusal')).toBeNull();
    fireEvent.change(screen.getByTestId('portal-composer-input'), { target: { value: 'The invoice' } });
    fireEvent.click(screen.getByTestId('portal-composer-send'));
    const uploadedId = api.upload.mock.calls[0]![0];
    expect(api.send).toHaveBeenCalledWith('c1', { clientId: expect.any(String), text: 'The invoice', attachmentIds: [uploadedId] });
    expect(screen.queryByTestId('portal-attachment-pending')).toBeNull();
  });

  it('shows who of the team is typing, and tells the team when the customer types', async () => {
    const api = fakeApi();
    api.threads.set('c1', thread);
    renderPortal(api, { page: 'thread', conversationId: 'c1' });
    const input = await screen.findByTestId('portal-composer-input');
    await emit('typing', { conversationId: 'c1', typing: true, staffName: 'Alex Morgan' });
    expect(screen.getByTestId('portal-typing').textContent).toBe('Alex Morgan is typing…');
    await emit('typing', { conversationId: 'other', typing: true, staffName: 'Sam Lee' });
    expect(screen.getByTestId('portal-typing').textContent).toBe('Alex Morgan is typing…');
    await emit('typing', { conversationId: 'c1', typing: false, staffName: 'Alex Morgan' });
    expect(screen.queryByTestId('portal-typing')).toBeNull();

    fireEvent.change(input, { target: { value: 'H' } });
    fireEvent.change(input, { target: { value: 'Hi' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(api.typing.mock.calls).toEqual([
      ['c1', true],
      ['c1', false],
    ]);
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
