// One conversation: header (what it is about, channel, privacy notice, reply time), the timeline
// with live updates and auto-scroll, and the composer. Opening it marks the team's replies read.
import { Fragment, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalMe, PortalThread } from '../../shared/portal';
import { createTypingSignal } from '../../shared/typingSignal';
import { BackLink, type Navigate } from './AppLink';
import { ChannelBadge } from './ChannelBadge';
import { Composer, type Outgoing } from './Composer';
import { useLiveLoad, usePortal } from './context';
import { ArrowDownIcon, LockIcon } from './icons';
import { LinkedRecordTitle } from './LinkedRecordTitle';
import { type Pending, PendingBubble } from './PendingBubble';
import { LoadFailure, Loading } from './states';
import { DayDivider, MessageItem } from './Timeline';

/** Within this many pixels of the bottom counts as "at the latest message". */
const NEAR_BOTTOM_PX = 80;

const prefersReducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

function ReplyTime({ minutes }: { minutes: number }) {
  const { t } = useTranslation();
  return <>{minutes >= 60 && minutes % 60 === 0 ? t('thread.replyWithinHours', { count: minutes / 60 }) : t('thread.replyWithin', { count: minutes })}</>;
}

export function ThreadPage({ conversationId, me, navigate }: { conversationId: string; me: PortalMe; navigate: Navigate }) {
  const { t } = useTranslation();
  const { api } = usePortal();
  const thread = useLiveLoad(
    `thread:${conversationId}`,
    useCallback(() => api.thread(conversationId), [api, conversationId]),
    (change) => change === 'all' || change.includes(conversationId),
  );
  const [pending, setPending] = useState<Pending[]>([]);
  const { reload } = thread;

  const send = (attempt: Pending) => {
    setPending((list) => [...list.filter((p) => p.clientId !== attempt.clientId), { ...attempt, state: 'sending' }]);
    api.send(conversationId, { clientId: attempt.clientId, text: attempt.text, attachmentIds: attempt.attachmentIds }).then(
      (result) => {
        setPending((list) => list.filter((p) => p.clientId !== attempt.clientId));
        // Writing into a closed conversation starts a new one.
        if (result.conversationId !== conversationId) navigate({ page: 'thread', conversationId: result.conversationId }, { replace: true });
        else reload();
      },
      () => setPending((list) => list.map((p) => (p.clientId === attempt.clientId ? { ...p, state: 'failed' } : p))),
    );
  };

  if (thread.state === 'loading') return <Loading />;
  if (thread.state === 'error') {
    if (thread.error.status !== 404) return <LoadFailure onRetry={thread.reload} />;
    return (
      <main className="page state" data-testid="portal-not-found">
        <BackLink navigate={navigate} />
        <h1 tabIndex={-1}>{t('thread.notFound')}</h1>
        <p className="muted">{t('thread.notFoundBody')}</p>
      </main>
    );
  }
  return <ThreadView data={thread.data} me={me} pending={pending} navigate={navigate} onSend={(outgoing) => send({ ...outgoing, clientId: crypto.randomUUID(), state: 'sending' })} onRetry={send} />;
}

/** Who of the team is typing in the conversation now: their names (empty string: name unknown). */
function useStaffTyping(conversationId: string): string[] {
  const { subscribeTyping } = usePortal();
  const [typing, setTyping] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(
    () =>
      subscribeTyping((event) => {
        if (event.conversationId !== conversationId) return;
        setTyping((before) => {
          const next = new Map(before);
          const name = event.staffName ?? '';
          if (event.typing) next.set(name, name);
          else next.delete(name);
          return next;
        });
      }),
    [subscribeTyping, conversationId],
  );
  return [...typing.values()];
}

function ThreadView({
  data,
  me,
  pending,
  navigate,
  onSend,
  onRetry,
}: {
  data: PortalThread;
  me: PortalMe;
  pending: Pending[];
  navigate: Navigate;
  onSend(outgoing: Outgoing): void;
  onRetry(pending: Pending): void;
}) {
  const { t } = useTranslation();
  const { api } = usePortal();
  const { conversation, messages } = data;
  const staffTyping = useStaffTyping(conversation.id);
  const typingSignal = useMemo(
    () => createTypingSignal((typing) => void api.typing(conversation.id, typing).catch(() => undefined)),
    [api, conversation.id],
  );
  useEffect(() => () => typingSignal.stop(), [typingSignal]);
  const scroller = useRef<HTMLOListElement>(null);
  const atBottom = useRef(true);
  const shown = useRef(0);
  const [behind, setBehind] = useState(false);
  const count = messages.length + pending.length;

  // New messages scroll into view unless the customer has scrolled up to read older ones.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const first = shown.current === 0;
    if (count > shown.current) {
      if (first || atBottom.current) el.scrollTo({ top: el.scrollHeight, behavior: first || prefersReducedMotion() ? 'auto' : 'smooth' });
      else setBehind(true);
    }
    shown.current = count;
  }, [count]);

  // The team's replies count as read while the thread is on screen.
  const lastSeq = messages.at(-1)?.seq ?? 0;
  const unread = conversation.unreadCount;
  useEffect(() => {
    if (unread === 0) return;
    const markRead = () => {
      if (document.visibilityState === 'visible') api.markRead(conversation.id, lastSeq).catch(() => undefined);
    };
    markRead();
    document.addEventListener('visibilitychange', markRead);
    return () => document.removeEventListener('visibilitychange', markRead);
  }, [api, conversation.id, lastSeq, unread]);

  const jump = () => {
    scroller.current?.scrollTo({ top: scroller.current.scrollHeight, behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    setBehind(false);
  };

  return (
    <main className="page thread" data-testid="portal-thread" data-conversation-id={conversation.id}>
      <header className="thread-header">
        <BackLink navigate={navigate} />
        <div className="thread-title">
          <LinkedRecordTitle record={conversation.linkedRecord} as="h1" />
          <ChannelBadge channel={conversation.channel} />
        </div>
        <p className="notice" data-testid="portal-privacy">
          <LockIcon />
          <span>{t('thread.privacy')}</span>
        </p>
        <p className="notice muted" data-testid="portal-reply-time">
          <ReplyTime minutes={me.replyWithinMinutes} />
        </p>
      </header>
      <div className="timeline-wrap">
        <ol
          className="timeline"
          ref={scroller}
          data-testid="portal-timeline"
          aria-label={t('thread.timeline')}
          aria-live="polite"
          tabIndex={0}
          // An image that loads grows the thread: keep the latest message in view if it was.
          onLoadCapture={() => {
            if (atBottom.current) scroller.current?.scrollTo({ top: scroller.current.scrollHeight, behavior: 'auto' });
          }}
          onScroll={(event) => {
            const el = event.currentTarget;
            atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
            if (atBottom.current) setBehind(false);
          }}
        >
          {messages.length === 0 && pending.length === 0 && (
            <li className="empty" data-testid="portal-thread-empty">
              <strong>{t('thread.emptyTitle')}</strong>
              <span className="muted">{t('thread.emptyBody')}</span>
            </li>
          )}
          {messages.map((message, index) => {
            const previous = messages[index - 1];
            const newDay = !previous || new Date(previous.createdAt).toDateString() !== new Date(message.createdAt).toDateString();
            return (
              <Fragment key={message.id}>
                {newDay && <DayDivider at={message.createdAt} />}
                <MessageItem message={message} />
              </Fragment>
            );
          })}
          {pending.map((p) => (
            <PendingBubble key={p.clientId} pending={p} onRetry={() => onRetry(p)} />
          ))}
        </ol>
        {staffTyping.length > 0 && (
          <p className="typing" data-testid="portal-typing" aria-live="polite">
            {t('thread.typing', { name: staffTyping.map((name) => name || t('thread.team')).join(', ') })}
          </p>
        )}
        {behind && (
          <button type="button" className="button jump" onClick={jump} data-testid="portal-jump">
            <ArrowDownIcon />
            <span>{t('thread.jumpToLatest')}</span>
          </button>
        )}
      </div>
      <footer className="thread-footer">
        {!conversation.open && <p className="notice muted">{t('thread.closedNotice')}</p>}
        <Composer placeholder={t('composer.placeholder')} onSend={onSend} typing={conversation.open ? typingSignal : undefined} autoFocus />
      </footer>
    </main>
  );
}
