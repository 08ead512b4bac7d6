// The scrolling message list: keeps the newest message in view while the agent is at the bottom,
// offers a "New messages" pill when they have scrolled up, and loads older pages at the top
// without moving what the agent is reading.
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ThreadMessage } from '../../../shared/ipc/contract';
import { useFormat, useT } from '../i18n/LocaleContext';
import { useNow } from '../inbox/useNow';
import { MessageItem } from './MessageItem';
import { buildTimeline, isNearBottom, scrollAction } from './timeline';

/** Start loading older messages when the agent is this close to the top. */
const LOAD_OLDER_PX = 160;

interface MessageTimelineProps {
  messages: ThreadMessage[];
  hasOlder: boolean;
  loadingOlder: boolean;
  /** The last attempt failed (e.g. offline): wait for the agent instead of retrying in a loop. */
  olderFailed: boolean;
  loadOlder: () => void;
}

interface Snapshot {
  oldestId: string | undefined;
  newestId: string | undefined;
  loadingOlder: boolean;
  hasOlder: boolean;
}

export const MessageTimeline = memo(function MessageTimeline({ messages, hasOlder, loadingOlder, olderFailed, loadOlder }: MessageTimelineProps) {
  const t = useT();
  const format = useFormat();
  const now = useNow();
  const scrollRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const stuck = useRef(true);
  const distanceFromBottom = useRef(0);
  const previous = useRef<Snapshot | null>(null);
  const [showPill, setShowPillState] = useState(false);
  // Every programmatic scroll fires a scroll event that hides the pill; setting the state it
  // already has still costs a render pass, one per message while messages stream in.
  const pillShown = useRef(false);
  const setShowPill = useCallback((show: boolean) => {
    if (pillShown.current === show) return;
    pillShown.current = show;
    setShowPillState(show);
  }, []);
  const items = useMemo(() => buildTimeline(messages), [messages]);

  const maybeLoadOlder = useCallback(() => {
    const el = scrollRef.current;
    if (!el || !hasOlder || loadingOlder || olderFailed) return;
    // Also load when the messages do not fill the view: there is no scrolling to trigger it then.
    if (el.scrollTop <= LOAD_OLDER_PX || el.scrollHeight <= el.clientHeight) loadOlder();
  }, [hasOlder, loadingOlder, olderFailed, loadOlder]);

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    stuck.current = isNearBottom(el);
    distanceFromBottom.current = el.scrollHeight - el.scrollTop;
    if (stuck.current) setShowPill(false);
    maybeLoadOlder();
  };

  const scrollToBottom = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    el.scrollTop = el.scrollHeight;
    stuck.current = true;
    distanceFromBottom.current = el.clientHeight;
    setShowPill(false);
  }, [setShowPill]);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const newest = messages.at(-1);
    const snapshot: Snapshot = { oldestId: messages[0]?.id, newestId: newest?.id, loadingOlder, hasOlder };
    const before = previous.current;
    previous.current = snapshot;
    const action = scrollAction({
      initial: before === null,
      stuckToBottom: stuck.current,
      topChanged: before !== null && (before.oldestId !== snapshot.oldestId || before.loadingOlder !== loadingOlder || before.hasOlder !== hasOlder),
      appended: before !== null && newest !== undefined && before.newestId !== newest.id,
      appendedOwn: newest !== undefined && newest.outbox !== null,
    });
    if (action === 'toBottom') scrollToBottom();
    else if (action === 'keepDistanceFromBottom') el.scrollTop = el.scrollHeight - distanceFromBottom.current;
    else if (action === 'showNewPill') setShowPill(true);
    distanceFromBottom.current = el.scrollHeight - el.scrollTop;
    maybeLoadOlder();
  }, [messages, loadingOlder, hasOlder, maybeLoadOlder, scrollToBottom, setShowPill]);

  // Content also changes height without new messages (an expanded transcript, a status line, a
  // narrower window); an agent reading the newest message keeps seeing it.
  useEffect(() => {
    const content = contentRef.current;
    const el = scrollRef.current;
    if (!content || !el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (stuck.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(content);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  return (
    <div className="timeline">
      <div ref={scrollRef} className="timeline__scroll" onScroll={onScroll} data-testid="thread-scroll">
        <div ref={contentRef}>
          <div className="timeline__top">
            {loadingOlder ? (
              <span className="timeline__older" role="status">
                <span className="spinner" aria-hidden="true" />
                {t('thread.loadingOlder')}
              </span>
            ) : olderFailed ? (
              <span className="timeline__older" role="alert">
                {t('thread.olderFailed')}
                <button type="button" className="button button--small" onClick={loadOlder}>
                  {t('delivery.retry')}
                </button>
              </span>
            ) : !hasOlder && messages.length > 0 ? (
              <span className="timeline__beginning">{t('thread.beginning')}</span>
            ) : null}
          </div>
          {messages.length === 0 ? (
            <p className="timeline__empty">{t('thread.empty')}</p>
          ) : (
            <ol className="timeline__list" role="log" aria-label={t('thread.timeline')}>
              {items.map((item) =>
                item.type === 'day' ? (
                  <li key={item.key} className="timeline__day" role="separator">
                    <span>{format.day(item.at, now)}</span>
                  </li>
                ) : (
                  <MessageItem key={item.key} message={item.message} />
                ),
              )}
            </ol>
          )}
        </div>
      </div>
      {showPill ? (
        <button type="button" className="timeline__pill" onClick={scrollToBottom}>
          {t('thread.newMessages')}
        </button>
      ) : null}
    </div>
  );
});
