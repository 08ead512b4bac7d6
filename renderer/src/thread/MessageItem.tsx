// One message in the timeline. Bodies are customer-controlled text: they are rendered as React
// text nodes only (CSS keeps the line breaks), never as HTML.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThreadMessage } from '../../../shared/ipc/contract';
import { useFormat } from '../i18n/LocaleContext';
import { ChannelBadge } from '../ui/ChannelBadge';
import { LockIcon } from '../ui/icons';
import { CallRecordView } from './CallRecordView';
import { deliveryIndicator } from './delivery';
import { DeliveryStatus } from './DeliveryStatus';

export const MessageItem = memo(function MessageItem({ message }: { message: ThreadMessage }) {
  const { t } = useTranslation();
  const format = useFormat();
  const indicator = deliveryIndicator(message);
  const time = (
    <time className="message__time" dateTime={new Date(message.createdAt).toISOString()} title={format.fullDate(message.createdAt)}>
      {format.clock(message.createdAt)}
    </time>
  );
  const dataAttributes = {
    'data-testid': 'message',
    'data-direction': message.direction,
    'data-kind': message.kind,
    'data-status': message.status ?? '',
    'data-client-id': message.clientId ?? '',
    'data-outbox': message.outbox?.state ?? '',
  };

  if (message.direction === 'system') {
    return (
      <li className="message message--system" {...dataAttributes}>
        <span className="message__system-text" dir="auto">{message.body}</span>
        {time}
      </li>
    );
  }

  const side = message.direction === 'inbound' ? 'in' : 'out';
  const isNote = message.kind === 'note';
  return (
    <li className={`message message--${side}${isNote ? ' message--note' : ''}`} {...dataAttributes}>
      <div className="message__meta">
        {isNote ? (
          <span className="message__note-label">
            <LockIcon />
            {t('thread.note')}
          </span>
        ) : (
          <ChannelBadge channel={message.channel} />
        )}
        {message.authorName ? <span className="message__author">{message.authorName}</span> : null}
        {time}
      </div>
      <div className="message__bubble">
        {message.body ? <p className="message__body" dir="auto">{message.body}</p> : null}
        {message.call ? <CallRecordView call={message.call} /> : null}
      </div>
      {indicator ? (
        <div className="message__status">
          <DeliveryStatus indicator={indicator} />
        </div>
      ) : null}
    </li>
  );
});
