import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SearchMessageHit, SearchResults } from '../../../shared/ipc/contract';
import { fakeDesk, renderWithDesk } from '../test/fakeDesk';
import { GlobalSearch } from './GlobalSearch';
import { SearchRevealProvider, useSearchReveal } from './SearchReveal';

/** One message hit in `conversationId`, its snippet `text` with `marked` marked. */
function hit(conversationId: string, text: string, marked: string): SearchResults {
  const start = text.indexOf(marked);
  const message: SearchMessageHit = {
    messageId: `m-${conversationId}`,
    conversationId,
    seq: 1,
    contactName: 'Customer',
    channel: 'whatsapp',
    direction: 'inbound',
    kind: 'text',
    createdAt: 1,
    snippet: { text, ranges: [[start, start + marked.length]] },
    source: 'local',
    event: null,
  };
  return { conversations: [], messages: [message], contacts: [] };
}

const answers: Record<string, SearchResults> = {
  xylophone: hit('c-word', 'My parcel came with a broken xylophone inside', 'xylophone'),
  届いて: hit('c-cjk', '荷物はまだ届いていません。', '届いて'),
};

/** A local search whose answers arrive only when the test lets them. */
function slowSearch() {
  const waiting = new Map<string, () => void>();
  const desk = fakeDesk({
    'search.local': (request) =>
      new Promise((resolve) => waiting.set(request.query, () => resolve(answers[request.query] ?? { conversations: [], messages: [], contacts: [] }))),
    'connection.get': async () => ({ status: 'online' }) as never,
  });
  const answer = async (query: string) => {
    await waitFor(() => expect(waiting.has(query)).toBe(true));
    act(() => waiting.get(query)!());
  };
  return { desk, answer };
}

function RevealedQuery() {
  const { target } = useSearchReveal();
  return <output data-testid="revealed">{target?.query ?? ''}</output>;
}

async function renderSearch(desk: ReturnType<typeof fakeDesk>) {
  const opened: string[] = [];
  await renderWithDesk(
    <SearchRevealProvider>
      <GlobalSearch onOpen={(id) => opened.push(id)} />
      <RevealedQuery />
    </SearchRevealProvider>,
    desk,
  );
  const input = screen.getByTestId('global-search-input');
  const type = (text: string) => fireEvent.change(input, { target: { value: text } });
  const enter = () => fireEvent.keyDown(input, { key: 'Enter' });
  return { opened, type, enter };
}

const panel = () => screen.getByTestId('search-results');
const marks = () => [...panel().querySelectorAll('mark')].map((m) => m.textContent);

describe('global search while the next answer is on its way', () => {
  it('shows the previous results as stale, and Enter opens a result of what is typed once it arrives', async () => {
    const { desk, answer } = slowSearch();
    const { opened, type, enter } = await renderSearch(desk);

    type('xylophone');
    await answer('xylophone');
    await waitFor(() => expect(marks()).toEqual(['xylophone']));
    expect(panel().dataset.stale).toBeUndefined();

    type('届いて');
    // The xylophone hit stays on screen, marked stale, until the answer to 届いて arrives.
    expect(panel().dataset.stale).toBe('true');
    expect(marks()).toEqual(['xylophone']);
    enter();
    expect(opened).toEqual([]);

    await answer('届いて');
    await waitFor(() => expect(opened).toEqual(['c-cjk']));
    expect(screen.getByTestId('revealed').textContent).toBe('届いて');
    expect(screen.queryByTestId('search-results')).toBeNull();
  });

  it('drops an Enter that waits once the agent types on', async () => {
    const { desk, answer } = slowSearch();
    const { opened, type, enter } = await renderSearch(desk);

    type('xylophone');
    await answer('xylophone');
    await waitFor(() => expect(panel().dataset.stale).toBeUndefined());
    type('届い');
    enter();
    type('届いて');
    await answer('届いて');
    await waitFor(() => expect(marks()).toEqual(['届いて']));
    expect(panel().dataset.stale).toBeUndefined();
    expect(opened).toEqual([]);

    // On current results Enter opens at once.
    enter();
    expect(opened).toEqual(['c-cjk']);
  });

  it('drops an Enter that waits once the box is cleared, also when the same text is typed again', async () => {
    const { desk, answer } = slowSearch();
    const { opened, type, enter } = await renderSearch(desk);

    type('xylophone');
    await answer('xylophone');
    await waitFor(() => expect(panel().dataset.stale).toBeUndefined());
    type('届いて');
    enter();
    fireEvent.click(screen.getByRole('button', { name: 'Clear the search' }));
    type('届いて');
    await answer('届いて');
    await waitFor(() => expect(marks()).toEqual(['届いて']));
    expect(opened).toEqual([]);
  });
});
