// The open thread renders for what it shows, not for the bookkeeping around it: a refetch that
// brings nothing new and marking the conversation read must not render it again. Under a stream
// of customer messages every extra render of the thread is paid for each message.
import { act, screen, waitFor } from '@testing-library/react';
import { useRef, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { ThreadMessage, ThreadPage } from '../../../shared/ipc/contract';
import { deskKey } from '../api/queryKeys';
import { fakeDesk, renderWithDesk } from '../test/fakeDesk';
import { threadMessage } from '../test/threadMessage';
import { ThreadView } from './ThreadView';
import type * as ActivityModule from './useActivity';
import { MARK_READ_INTERVAL_MS, useMarkRead } from './useMarkRead';
import { THREAD_PAGE_SIZE, useThread } from './useThread';

// Counts the thread view's renders: it reads its activity once per render.
const activityReads = vi.hoisted(() => ({ count: 0 }));
vi.mock('./useActivity', async (importOriginal) => {
  const actual = await importOriginal<typeof ActivityModule>();
  return {
    ...actual,
    useActivity: (...args: Parameters<typeof actual.useActivity>) => {
      activityReads.count++;
      return actual.useActivity(...args);
    },
  };
});

// jsdom has no CSS.escape; the ids here need no escaping.
if (typeof globalThis.CSS === 'undefined') Object.assign(globalThis, { CSS: { escape: (value: string) => value } });

const message = (seq: number, direction: ThreadMessage['direction'] = 'inbound'): ThreadMessage =>
  threadMessage({ id: `m${seq}`, seq, direction, body: `message ${seq}`, createdAt: 1_700_000_000_000 + seq });
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('thread renders', () => {
  it('a refetch that brings the same messages does not render the thread again', async () => {
    const desk = fakeDesk({ 'thread.get': async () => ({ messages: [message(1), message(2)], hasOlder: false }) });
    let renders = 0;
    function Thread() {
      const thread = useThread('c1');
      renders++;
      return <p>{thread.isSuccess ? `${thread.messages.length} messages` : 'loading'}</p>;
    }
    const { queryClient } = await renderWithDesk(<Thread />, desk);
    await screen.findByText('2 messages');
    await settle();
    const before = renders;
    await act(() => queryClient.invalidateQueries());
    await settle();
    expect(desk.calls.filter((call) => call.method === 'thread.get')).toHaveLength(2);
    expect(renders).toBe(before);
  });

  it('a pushed page that moved by one message keeps the objects of the other messages, in the query as on screen', async () => {
    const full = Array.from({ length: THREAD_PAGE_SIZE }, (_, i) => message(i + 1));
    const desk = fakeDesk({ 'thread.get': async () => ({ messages: full, hasOlder: true }) });
    let shown: ThreadMessage[] = [];
    function Thread() {
      const thread = useThread('c1');
      shown = thread.messages;
      return <p>{thread.isSuccess ? `${thread.messages.length} messages` : 'loading'}</p>;
    }
    const { queryClient } = await renderWithDesk(<Thread />, desk);
    await screen.findByText(`${THREAD_PAGE_SIZE} messages`);
    await settle();
    const before = shown;
    // What the open thread's change notice writes (api/openThread.ts): the newest page, one newer.
    const key = deskKey('thread.get', { conversationId: 'c1', limit: THREAD_PAGE_SIZE });
    const moved = [...full.slice(1).map((m) => ({ ...m })), message(THREAD_PAGE_SIZE + 1)];
    act(() => void queryClient.setQueryData(key, { pages: [{ messages: moved, hasOlder: true }], pageParams: [undefined] }));
    await waitFor(() => expect(shown.at(-1)!.id).toBe(`m${THREAD_PAGE_SIZE + 1}`));
    const cached = queryClient.getQueryData<{ pages: ThreadPage[] }>(key)!.pages[0]!.messages;
    for (let i = 0; i < THREAD_PAGE_SIZE - 1; i++) {
      expect(cached[i]).toBe(before[i + 1]);
      expect(shown[i]).toBe(before[i + 1]);
    }
  });

  it('a caller that reads whether the thread is loading still sees each refetch', async () => {
    const desk = fakeDesk({
      'thread.get': async () => {
        await settle();
        return { messages: [message(1)], hasOlder: false };
      },
    });
    const seen: boolean[] = [];
    function Thread() {
      const thread = useThread('c1');
      seen.push(thread.isFetching);
      return null;
    }
    const { queryClient } = await renderWithDesk(<Thread />, desk);
    await waitFor(() => expect(seen.at(-1)).toBe(false));
    seen.length = 0;
    act(() => void queryClient.invalidateQueries());
    await waitFor(() => expect(seen).toEqual([true, false]));
  });

  it('marks read for new customer messages, at most once per interval while they stream, without rendering the thread for it', async () => {
    const desk = fakeDesk({ 'conversation.markRead': async () => null });
    let renders = 0;
    let setMessages: (messages: ThreadMessage[]) => void = () => undefined;
    function Thread() {
      const [messages, set] = useState([message(1)]);
      setMessages = set;
      useMarkRead('c1', messages, true);
      renders++;
      return null;
    }
    const { unmount } = await renderWithDesk(<Thread />, desk);
    await settle();
    const marks = () => desk.calls.filter((call) => call.method === 'conversation.markRead');
    // Opening marks at once.
    expect(marks()).toHaveLength(1);
    expect(marks()[0]!.request).toEqual({ conversationId: 'c1' });
    expect(renders).toBe(1);

    // An agent's own message asks for nothing.
    act(() => setMessages([message(1), message(2, 'outbound')]));
    await settle();
    expect(marks()).toHaveLength(1);
    // A customer message within the interval is marked when it ends, once for all that came.
    act(() => setMessages([message(1), message(2, 'outbound'), message(3)]));
    act(() => setMessages([message(1), message(2, 'outbound'), message(3), message(4)]));
    await settle();
    expect(marks()).toHaveLength(1);
    await waitFor(() => expect(marks()).toHaveLength(2), { timeout: MARK_READ_INTERVAL_MS + 500 });
    // Leaving the conversation marks what is pending at once.
    act(() => setMessages([message(1), message(2, 'outbound'), message(3), message(4), message(5)]));
    await settle();
    expect(marks()).toHaveLength(2);
    unmount();
    expect(marks()).toHaveLength(3);
    // One render per change of messages, none for the marks themselves.
    expect(renders).toBe(5);
  });

  it('the thread view does not render again when the workspace around it does', async () => {
    const desk = fakeDesk({ 'thread.get': async () => ({ messages: [message(1)], hasOlder: false }) });
    let renderWorkspace: () => void = () => undefined;
    function Workspace() {
      const [, setTick] = useState(0);
      renderWorkspace = () => setTick((n) => n + 1);
      const composerRef = useRef<HTMLTextAreaElement>(null);
      return <ThreadView conversationId="c1" composerRef={composerRef} />;
    }
    const { queryClient } = await renderWithDesk(<Workspace />, desk);
    // Every query of the view answered (a loaded machine can take longer than any fixed wait), so
    // what renders next is the workspace's doing.
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    await settle();
    const before = activityReads.count;
    expect(before).toBeGreaterThan(0);
    act(() => renderWorkspace());
    await settle();
    expect(activityReads.count).toBe(before);
  });
});
