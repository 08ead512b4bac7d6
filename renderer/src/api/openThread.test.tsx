import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChangeNotice, ConversationDetail, ThreadMessage, ThreadPage } from '../../../shared/ipc/contract';
import { fakeDesk, renderWithDesk } from '../test/fakeDesk';
import { THREAD_PAGE_SIZE, useThread } from '../thread/useThread';
import { useDeskQuery } from './hooks';
import { usePushSync } from './usePushSync';

const message = (seq: number) => ({ id: `m${seq}`, seq, body: `Message ${seq}` }) as ThreadMessage;
const page = (...seqs: number[]): ThreadPage => ({ messages: seqs.map(message), hasOlder: true });
const detail = (subject: string) => ({ conversation: { id: 'c1', subject }, contact: { id: 'k1' } }) as unknown as ConversationDetail;
const noop = () => undefined;

/** The thread and its details as the thread view reads them, with the push listener mounted. */
function Thread({ onShow }: { onShow: (bodies: string[], subject: string | undefined) => void }) {
  usePushSync(noop);
  const thread = useThread('c1');
  const conversation = useDeskQuery('conversation.get', { conversationId: 'c1' });
  onShow(
    thread.messages.map((m) => m.body),
    conversation.data?.conversation.subject ?? undefined,
  );
  return <button type="button" onClick={thread.loadOlder}>older</button>;
}

/** The core's thread: pages of two messages, newest first, from the cached `seqs`. */
async function mountThread(seqs: number[]) {
  let shown: { bodies: string[]; subject: string | undefined } = { bodies: [], subject: undefined };
  const desk = fakeDesk({
    'notices.take': async () => [],
    'thread.watch': async () => null,
    'thread.get': async ({ beforeSeq }) => {
      const messages = seqs.filter((seq) => beforeSeq === undefined || seq < beforeSeq).slice(-2);
      return { messages: messages.map(message), hasOlder: seqs[0]! < (messages[0] ?? Infinity) };
    },
    'conversation.get': async () => detail('Refund'),
  });
  const view = await renderWithDesk(<Thread onShow={(bodies, subject) => (shown = { bodies, subject })} />, desk);
  await waitFor(() => expect(shown.subject).toBe('Refund'));
  const reads = () => desk.calls.filter((c) => c.method === 'thread.get' || c.method === 'conversation.get').length;
  return { desk, view, shown: () => shown, reads };
}

const notice = (open: ChangeNotice['open']): ChangeNotice => ({ inbox: true, conversationIds: ['c1'], outbox: false, open });
const opened = (p: ThreadPage, subject = 'Refund, answered') => ({ conversationId: 'c1', limit: THREAD_PAGE_SIZE, page: p, detail: detail(subject) });

const bodies = (...seqs: number[]) => seqs.map((seq) => `Message ${seq}`);

describe('the watched thread', () => {
  it('asks for its newest page with each change while it is on screen, and stops when it closes', async () => {
    const { desk, view } = await mountThread([1, 2]);
    const watches = () => desk.calls.filter((c) => c.method === 'thread.watch').map((c) => c.request);
    await waitFor(() => expect(watches()).toEqual([{ conversationId: 'c1', limit: THREAD_PAGE_SIZE }]));
    view.unmount();
    expect(watches().at(-1)).toEqual({ conversationId: null });
  });

  it('shows the page and details that came with the notice without asking for them', async () => {
    const { desk, shown, reads } = await mountThread([1, 2]);
    await waitFor(() => expect(shown().bodies).toEqual(bodies(1, 2)));
    const before = reads();
    act(() => desk.emit('changed', notice(opened(page(2, 3)))));
    await waitFor(() => expect(shown().bodies).toEqual(bodies(2, 3)));
    expect(shown().subject).toBe('Refund, answered');
    await new Promise((r) => setTimeout(r, 20));
    expect(reads()).toBe(before);
  });

  it('asks as before when the notice comes without the thread', async () => {
    const seqs = [1, 2];
    const { desk, shown, reads } = await mountThread(seqs);
    await waitFor(() => expect(shown().bodies).toEqual(bodies(1, 2)));
    const before = reads();
    seqs.push(3);
    act(() => desk.emit('changed', notice(undefined)));
    await waitFor(() => expect(shown().bodies).toEqual(bodies(2, 3)));
    await waitFor(() => expect(reads()).toBe(before + 2));
  });

  it('refetches instead when older pages are loaded: a newer newest page would leave a gap', async () => {
    const seqs = [1, 2, 3, 4];
    const { desk, view, shown } = await mountThread(seqs);
    await waitFor(() => expect(shown().bodies).toEqual(bodies(3, 4)));
    act(() => view.getByRole('button').click());
    await waitFor(() => expect(shown().bodies).toEqual(bodies(1, 2, 3, 4)));
    seqs.push(5);
    act(() => desk.emit('changed', notice(opened(page(4, 5)))));
    // Both pages again, the older one anchored to the new newest one.
    await waitFor(() => expect(shown().bodies).toEqual(bodies(2, 3, 4, 5)));
  });

  it('refetches instead when the thread is loading: its answer may predate the change', async () => {
    const seqs = [1, 2];
    const { desk, shown } = await mountThread(seqs);
    await waitFor(() => expect(shown().bodies).toEqual(bodies(1, 2)));
    seqs.push(3);
    act(() => desk.emit('changed', notice(undefined)));
    // The refetch is under way when the next notice arrives with the page: the page is not written
    // over a load that may finish later, and the thread is read once more after it.
    seqs.push(4);
    act(() => desk.emit('changed', notice(opened(page(3, 4)))));
    await waitFor(() => expect(shown().bodies).toEqual(bodies(3, 4)));
    expect(desk.calls.filter((c) => c.method === 'thread.get').length).toBe(3);
  });
});
