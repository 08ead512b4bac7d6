// The timeline keeps the newest message in view as messages stream in: one render per new
// message, with no second pass for hiding a pill that is already hidden.
import { act, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { ThreadMessage } from '../../../shared/ipc/contract';
import { fakeDesk, renderWithDesk } from '../test/fakeDesk';
import { threadMessage } from '../test/threadMessage';
import type * as NowModule from '../inbox/useNow';
import { MessageTimeline } from './MessageTimeline';

// Counts the timeline's renders: it reads the clock once per render.
const nowReads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../inbox/useNow', async (importOriginal) => {
  const actual = await importOriginal<typeof NowModule>();
  return {
    ...actual,
    useNow: (...args: Parameters<typeof actual.useNow>) => {
      nowReads.count++;
      return actual.useNow(...args);
    },
  };
});

const message = (seq: number) => threadMessage({ id: `m${seq}`, seq, body: `message ${seq}`, createdAt: 1_700_000_000_000 + seq });
const messages = [1, 2, 3].map(message);
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

/** Renders the timeline over the three messages; the returned function shows other messages. */
async function renderTimeline(): Promise<(messages: ThreadMessage[]) => void> {
  let setMessages: (messages: ThreadMessage[]) => void = () => undefined;
  function Thread() {
    const [shown, set] = useState(messages);
    setMessages = set;
    return <MessageTimeline messages={shown} hasOlder={false} loadingOlder={false} olderFailed={false} loadOlder={() => undefined} />;
  }
  await renderWithDesk(<Thread />, fakeDesk({}));
  return (next) => setMessages(next);
}

describe('message timeline', () => {
  it('renders once for each new message it scrolls into view', async () => {
    const setMessages = await renderTimeline();
    await screen.findByText('message 3');
    await settle();
    const before = nowReads.count;
    for (let seq = 4; seq <= 6; seq++) {
      act(() => setMessages([...messages, ...[4, 5, 6].filter((n) => n <= seq).map(message)]));
      await settle();
    }
    expect(screen.getByText('message 6')).toBeTruthy();
    expect(nowReads.count - before).toBe(3);
  });


  it('offers the pill for a message that arrives while the agent reads further up, and hides it when they return', async () => {
    const setMessages = await renderTimeline();
    const scroller = await screen.findByTestId('thread-scroll');
    // jsdom lays nothing out: give the scroller a height and scroll it up.
    let scrollTop = 0;
    Object.defineProperties(scroller, {
      scrollHeight: { configurable: true, get: () => 2000 },
      clientHeight: { configurable: true, get: () => 500 },
      scrollTop: { configurable: true, get: () => scrollTop, set: (value: number) => void (scrollTop = Math.min(value, 1500)) },
    });
    act(() => void fireEvent.scroll(scroller));
    act(() => setMessages([...messages, message(4)]));
    const pill = await screen.findByRole('button', { name: 'New messages ↓' });
    fireEvent.click(pill);
    expect(scrollTop).toBe(1500);
    expect(screen.queryByRole('button', { name: 'New messages ↓' })).toBeNull();
    // Scrolled up again, the next message offers it again.
    scrollTop = 100;
    act(() => void fireEvent.scroll(scroller));
    act(() => setMessages([...messages, message(4), message(5)]));
    expect(await screen.findByRole('button', { name: 'New messages ↓' })).toBeTruthy();
    // Scrolling back to the bottom hides it.
    scrollTop = 1500;
    act(() => void fireEvent.scroll(scroller));
    expect(screen.queryByRole('button', { name: 'New messages ↓' })).toBeNull();
  });
});

