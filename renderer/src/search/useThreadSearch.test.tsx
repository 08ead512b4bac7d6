import { act, waitFor } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { ThreadMessage } from '../../../shared/ipc/contract';
import { fakeDesk, renderWithDesk } from '../test/fakeDesk';
import { SearchRevealProvider, useSearchReveal } from './SearchReveal';
import { useThreadSearch, type LoadableThread } from './useThreadSearch';

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
