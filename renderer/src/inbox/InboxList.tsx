// The conversation list, virtualized: only the rows in view are in the DOM, so 50,000
// conversations scroll as smoothly as 50. More pages load as the end comes into view.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useT } from '../i18n/LocaleContext';
import type { InboxRow } from '../../../shared/ipc/contract';
import { useNow } from './useNow';
import { InboxRowItem } from './InboxRowItem';

/** Keep in step with --inbox-row-height in the tokens. */
const ROW_HEIGHT = 96;
/** Start loading the next page this many rows before the end. */
const PREFETCH_ROWS = 10;

interface InboxListProps {
  id: string;
  labelledBy: string;
  rows: InboxRow[];
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  /** Told which rows are in view (first and last index), whenever that changes. */
  onShowRows: (first: number, last: number) => void;
  openId: string | null;
  highlightedId: string | null;
  onOpen: (conversationId: string) => void;
  onAccept: (conversationId: string) => void;
}

export const rowDomId = (conversationId: string) => `inbox-row-${conversationId}`;

export function InboxList({ id, labelledBy, rows, hasMore, loadingMore, loadMore, onShowRows, openId, highlightedId, onOpen, onAccept }: InboxListProps) {
  const t = useT();
  const now = useNow();
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = rows.length + (hasMore ? 1 : 0);

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => rows[index]?.conversationId ?? 'loader',
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items.at(-1)?.index ?? 0;

  useEffect(() => onShowRows(firstIndex, lastIndex), [firstIndex, lastIndex, onShowRows]);

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows.length - PREFETCH_ROWS) loadMore();
  }, [hasMore, loadingMore, lastIndex, rows.length, loadMore]);

  const highlightedIndex = highlightedId ? rows.findIndex((row) => row.conversationId === highlightedId) : -1;
  // Scrolls when the highlight moves to another conversation (or first appears), not when rows
  // arriving above it shift its index: the list must not slide under the agent's pointer while the
  // queue fills up, and following it would load page after page.
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    if (highlightedIndex < 0 || scrolledTo.current === highlightedId) return;
    scrolledTo.current = highlightedId;
    virtualizer.scrollToIndex(highlightedIndex, { align: 'auto' });
  }, [highlightedId, highlightedIndex, virtualizer]);

  return (
    <div
      ref={scrollRef}
      id={id}
      className="inbox-list"
      role="listbox"
      aria-labelledby={labelledBy}
      aria-activedescendant={highlightedIndex >= 0 ? rowDomId(rows[highlightedIndex]!.conversationId) : undefined}
      tabIndex={0}
      data-shortcut-area="list"
      // What is loaded, whichever rows the window renders (benchmarks and tests read it).
      data-loaded-rows={rows.length}
      data-has-more={hasMore}
    >
      <div className="inbox-list__sizer" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rows[item.index];
          return (
            <div key={item.key} className="inbox-list__slot" style={{ height: item.size, transform: `translateY(${item.start}px)` }}>
              {row ? (
                <InboxRowItem
                  row={row}
                  now={now}
                  domId={rowDomId(row.conversationId)}
                  open={row.conversationId === openId}
                  highlighted={row.conversationId === highlightedId}
                  onOpen={onOpen}
                  onAccept={onAccept}
                />
              ) : (
                <div className="inbox-list__loader" role="presentation">
                  {t('inbox.loadingMore')}
                </div>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
