import { act, waitFor } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { ThreadMessage } from '../../../shared/ipc/contract';
import { fakeDesk, renderWithDesk } from '../test/fakeDesk';
import { SearchRevealProvider, useSearchReveal } from './SearchReveal';
import { useThreadSearch, type LoadableThread, type ThreadSearch } from './useThreadSearch';

// jsdom has no CSS.escape; the ids here need no escaping.
if (typeof globalThis.CSS === 'undefined') Object.assign(globalThis, { CSS: { escape: (value: string) => value } });

/** The thread search of `c1`, opened from a global search hit on `old`, a message not loaded yet. */
function Harness({ thread, expose }: { thread: (isFetching: boolean) => LoadableThread; expose: (settle: () => void) => void }) {
  const { reveal } = useSearchReveal();
  const [isFetching, setFetching] = useState(true);
  expose(() => setFetching(false));
  useEffect(() => reveal({ conversationId: 'c1', messageId: 'old', query: 'quokka' }), [reveal]);
  useThreadSearch('c1', thread(isFetching));
  return null;
}

describe('in-thread search bringing a match into view', () => {
  it('asks for older history only once no load of the thread is running, and again after a refetch that dropped the older page', async () => {
    const desk = fakeDesk({ 'search.thread': async () => ({ matches: [{ messageId: 'old', seq: 1 }], systemLines: [] }) });
    let loads = 0;
    const thread = (isFetching: boolean): LoadableThread => ({
      messages: [{ id: 'new', seq: 9 } as ThreadMessage],
      hasNextPage: true,
      isFetching,
      isFetchingNextPage: false,
      isFetchNextPageError: false,
      loadOlder: () => loads++,
    });
    // A refetch after a change notice is running: asking now would cancel it.
    let settle = () => {};
    await renderWithDesk(
      <SearchRevealProvider>
        <Harness thread={thread} expose={(fn) => (settle = fn)} />
      </SearchRevealProvider>,
      desk,
    );
    await waitFor(() => expect(desk.calls.some((c) => c.method === 'search.thread')).toBe(true));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(loads).toBe(0);
    // It settles holding only the newest page, every other state as before: ask again.
    act(() => settle());
    await waitFor(() => expect(loads).toBe(1));
  });
});

/** The thread's DOM as the timeline renders it, and the search of `c1` over it. */
function MarkedThread({ initial, expose }: { initial: ThreadMessage[]; expose: (search: ThreadSearch, add: (m: ThreadMessage) => void) => void }) {
  const [messages, setMessages] = useState(initial);
  const search = useThreadSearch('c1', { messages, hasNextPage: false, isFetching: false, isFetchingNextPage: false, isFetchNextPageError: false, loadOlder: () => {} });
  expose(search, (m) => setMessages((all) => [...all, m]));
  return (
    <section data-testid="thread" data-conversation-id="c1">
      {messages.map((m) => (
        <p key={m.id} data-message-id={m.id}>
          {m.body}
        </p>
      ))}
    </section>
  );
}

function RevealOn({ messageId }: { messageId: string }) {
  const { reveal } = useSearchReveal();
  useEffect(() => reveal({ conversationId: 'c1', messageId, query: 'quokka' }), [reveal, messageId]);
  return null;
}

describe('in-thread search marks', () => {
  const message = (id: string, body: string) => ({ id, seq: Number(id.slice(1)), body }) as ThreadMessage;
  // jsdom lays nothing out.
  Element.prototype.scrollIntoView ??= () => {};

  it('leaves the thread DOM alone for a new message while nothing is marked', async () => {
    let add: (m: ThreadMessage) => void = () => {};
    await renderWithDesk(
      <SearchRevealProvider>
        <MarkedThread initial={[message('m1', 'hello')]} expose={(_s, a) => (add = a)} />
      </SearchRevealProvider>,
      fakeDesk({}),
    );
    const root = document.querySelector('[data-testid="thread"]')!;
    let queried = 0;
    const original = root.querySelectorAll.bind(root);
    root.querySelectorAll = ((selectors: string) => (queried++, original(selectors))) as typeof root.querySelectorAll;
    act(() => add(message('m2', 'a new message')));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(document.querySelector('[data-message-id="m2"]')).not.toBeNull();
    expect(queried).toBe(0);
  });

  it('marks the matches while searching, keeps them on new messages and clears them when the search closes', async () => {
    const desk = fakeDesk({ 'search.thread': async () => ({ matches: [{ messageId: 'm1', seq: 1 }], systemLines: [] }) });
    let search: ThreadSearch | null = null;
    let add: (m: ThreadMessage) => void = () => {};
    await renderWithDesk(
      <SearchRevealProvider>
        <RevealOn messageId="m1" />
        <MarkedThread
          initial={[message('m1', 'a quokka'), message('m2', 'hello')]}
          expose={(s, a) => {
            search = s;
            add = a;
          }}
        />
      </SearchRevealProvider>,
      desk,
    );
    const marked = () => document.querySelector('[data-message-id="m1"]')?.getAttribute('data-search-match');
    await waitFor(() => expect(marked()).toBe('current'));
    act(() => add(message('m3', 'hello again')));
    expect(marked()).toBe('current');
    act(() => search!.close());
    expect(marked()).toBeNull();
  });
});
