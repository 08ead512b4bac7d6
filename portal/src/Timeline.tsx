// The thread's messages from every channel in one timeline: the customer's on the inline end,
// the team's on the inline start with the staff member's name, each with its channel; calls as
// cards with an expandable transcript. All text is rendered as text, never as HTML.
import { useTranslation } from 'react-i18next';
import type { PortalMessage, PortalStatus } from '../../shared/portal';
import { MessageAttachments } from './Attachments';
import { ChannelBadge } from './ChannelBadge';
import { useFormat, useNow } from './context';
import { CheckIcon, ChannelIcon, DoubleCheckIcon } from './icons';

export function StatusTicks({ status }: { status: PortalStatus }) {
  const { t } = useTranslation();
  const label = t(`status.${status}`);
  return (
    <span className={`status status-${status}`} title={label}>
      {status === 'sent' ? <CheckIcon label={label} /> : <DoubleCheckIcon label={label} />}
    </span>
  );
}

function CallCard({ message }: { message: PortalMessage }) {
  const { t } = useTranslation();
  const format = useFormat();
  const call = message.call;
  return (
    <div className="call-card">
      <div className="call-head">
        <ChannelIcon channel="voice" />
        <strong>{t('call.title')}</strong>
        {call && <span className="muted">{t('call.length', { duration: format.callDuration(call.durationSec) })}</span>}
      </div>
      {call?.summary && (
        <p className="call-summary" dir="auto">
          {call.summary}
        </p>
      )}
      {call && call.transcript.length > 0 ? (
        <details className="transcript">
          <summary>{t('call.showTranscript')}</summary>
          <ol>
            {call.transcript.map((line, index) => (
              <li key={index} className={`transcript-line ${line.speaker}`}>
                <span className="transcript-who">{line.speaker === 'customer' ? t('call.customer') : t('call.agent')}</span>
                <span className="transcript-at muted">{format.callDuration(line.atSec)}</span>
                <span className="transcript-text" dir="auto">{line.text}</span>
              </li>
            ))}
          </ol>
        </details>
      ) : (
        <p className="muted">{t('call.noTranscript')}</p>
      )}
    </div>
  );
}

export function MessageItem({ message }: { message: PortalMessage }) {
  const { t } = useTranslation();
  const format = useFormat();
  const mine = message.from === 'customer';
  return (
    <li
      className={mine ? 'message mine' : 'message theirs'}
      data-testid="portal-message"
      data-message-id={message.id}
      data-from={message.from}
      data-kind={message.kind}
      data-channel={message.channel}
      data-status={message.status ?? ''}
      data-deleted={message.deleted ? 'true' : undefined}
    >
      <div className="message-head">
        <span className="author">{mine ? t('thread.you') : (message.staffName ?? t('thread.team'))}</span>
        <ChannelBadge channel={message.channel} />
      </div>
      <div className="bubble">
        {message.deleted ? (
          <p className="body muted deleted">{t('thread.deleted')}</p>
        ) : message.kind === 'call' ? (
          <CallCard message={message} />
        ) : (
          <>
            {message.body !== '' && (
              <p className="body" dir="auto">
                {message.body}
              </p>
            )}
            <MessageAttachments attachments={message.attachments} />
          </>
        )}
        <div className="message-meta">
          {message.edited && (
            <span className="edited" data-testid="portal-edited">
              {t('thread.edited')}
            </span>
          )}
          <time dateTime={new Date(message.createdAt).toISOString()}>{format.clock(message.createdAt)}</time>
          {message.status && <StatusTicks status={message.status} />}
        </div>
      </div>
    </li>
  );
}

/** Day headings between messages of different days. */
export function DayDivider({ at }: { at: number }) {
  const format = useFormat();
  const now = useNow();
  return (
    <li className="day-divider" aria-hidden="false">
      <span>{format.day(at, now)}</span>
    </li>
  );
}
