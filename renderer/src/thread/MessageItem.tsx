// One message in the timeline. Bodies are customer-controlled text: they are rendered through the
// safe markdown renderer (React elements and text nodes only), never as HTML.
import { memo, useState } from 'react';
import type { ReactionEmoji } from '../../../shared/domain';
import type { ThreadMessage } from '../../../shared/ipc/contract';
import { useDeskMutation } from '../api/hooks';
import { useFormat, useT } from '../i18n/LocaleContext';
import { systemLineText } from '../i18n/systemEventText';
import { ChannelBadge } from '../ui/ChannelBadge';
import { BotIcon, LockIcon } from '../ui/icons';
import { AttachmentList } from './AttachmentList';
import { CallRecordView } from './CallRecordView';
import { deliveryIndicator } from './delivery';
import { DeliveryStatus } from './DeliveryStatus';
import { Markdown } from './Markdown';
import { MessageActions } from './MessageActions';
import { MessageEditor } from './MessageEditor';
import { Quote } from './Quote';
import { groupReactions, Reactions } from './Reactions';
import { useThreadContext } from './threadContext';

export const MessageItem = memo(function MessageItem({ message }: { message: ThreadMessage }) {
  const t = useT();
  const format = useFormat();
  const { selfId, uploads } = useThreadContext();
  const [editing, setEditing] = useState(false);
  const react = useDeskMutation('message.react');
  const indicator = deliveryIndicator(message);
  const deleted = message.deletedAt !== null;
  const time = (
    <time className="message__time" dateTime={new Date(message.createdAt).toISOString()} title={format.fullDate(message.createdAt)}>
      {format.clock(message.createdAt)}
    </time>
  );
  const dataAttributes = {
    'data-testid': 'message',
    'data-message-id': message.id,
    'data-direction': message.direction,
    'data-kind': message.kind,
    'data-status': message.status ?? '',
    'data-client-id': message.clientId ?? '',
    'data-outbox': message.outbox?.state ?? '',
    'data-deleted': deleted ? 'true' : undefined,
    'data-customer-copy': message.customerCopy ?? undefined,
  };

  if (message.direction === 'system') {
    return (
      <li className="message message--system" {...dataAttributes}>
        <span className="message__system-text" dir="auto">
          {systemLineText(t, message)}
        </span>
        {time}
      </li>
    );
  }

  const side = message.direction === 'inbound' ? 'in' : 'out';
  const isNote = message.kind === 'note';
  const own = message.authorAgentId === selfId && message.direction === 'outbound' && message.kind !== 'call';
  const settled = message.seq > 0;
  const groups = groupReactions(message.reactions, selfId);
  const toggle = (emoji: ReactionEmoji, on: boolean) => react.mutate({ messageId: message.id, emoji, on });
  const progress = uploads.get(message.id);

  return (
    <li
      className={`message message--${side}${isNote ? ' message--note' : ''}${message.automated ? ' message--bot' : ''}${deleted ? ' message--deleted' : ''}`}
      {...dataAttributes}
    >
      <div className="message__meta">
        {isNote ? (
          <span className="message__note-label" data-testid="note-label">
            <LockIcon />
            {t('thread.note')}
          </span>
        ) : (
          <ChannelBadge channel={message.channel} />
        )}
        {message.authorName ? <span className="message__author">{message.authorName}</span> : null}
        {message.automated ? (
          <span className="message__bot" data-testid="bot-badge">
            <BotIcon />
            {t('thread.automated')}
          </span>
        ) : null}
        {time}
        {message.editedAt !== null && !deleted ? (
          <span className="message__edited" title={format.fullDate(message.editedAt)} data-testid="edited">
            {t('thread.edited')}
          </span>
        ) : null}
      </div>
      <div className="message__row">
        <div className="message__bubble">
          {message.replyTo && !deleted ? <Quote replyTo={message.replyTo} /> : null}
          {deleted ? (
            <p className="message__deleted" data-testid="message-deleted">{t('thread.deleted')}</p>
          ) : editing ? (
            <MessageEditor message={message} onDone={() => setEditing(false)} />
          ) : message.body && message.kind !== 'call' ? (
            <Markdown source={message.body} className="message__body" />
          ) : null}
          {message.call ? <CallRecordView call={message.call} at={message.createdAt} /> : null}
          {!deleted ? <AttachmentList attachments={message.attachments} /> : null}
          {progress !== undefined && message.outbox ? (
            <progress className="message__upload" max={1} value={progress} aria-label={t('attachments.uploading')} data-testid="upload-progress" />
          ) : null}
        </div>
        {settled && !deleted && !editing ? (
          <MessageActions message={message} own={own} reactions={groups} onReact={toggle} onEdit={() => setEditing(true)} />
        ) : null}
      </div>
      {message.customerCopy !== null && message.customerCopy !== 'updated' ? (
        <p className="message__customer-copy" data-testid="customer-copy">
          {t(`thread.customerCopy.${message.customerCopy}`, { channel: t(`channel.${message.channel}`) })}
        </p>
      ) : null}
      <Reactions groups={groups} onToggle={toggle} />
      {indicator ? (
        <div className="message__status">
          <DeliveryStatus indicator={indicator} />
        </div>
      ) : null}
    </li>
  );
});
