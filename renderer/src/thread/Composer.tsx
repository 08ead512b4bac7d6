import { useQueryClient } from '@tanstack/react-query';
import { type ClipboardEvent, type FormEvent, type KeyboardEvent, memo, type Ref, useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n/LocaleContext';
import type { WhatsAppTemplate } from '../../../shared/channels/whatsapp';
import type { Channel } from '../../../shared/domain';
import { markdownToPlainText } from '../../../shared/text/markdown';
import { MAX_MESSAGE_BODY } from '../../../shared/domain';
import type { ThreadMessage } from '../../../shared/ipc/contract';
import { useReasonText } from '../i18n/reasonText';
import { useDeskMutation, useDeskQuery } from '../api/hooks';
import { deskKeyPrefix } from '../api/queryKeys';
import { useComposerAssist } from '../canned/useComposerAssist';
import { useDraft } from '../drafts/useDraft';
import { useNow } from '../inbox/useNow';
import { isSendPress } from '../settings/sendKey';
import { useSettings } from '../settings/useSettings';
import { useCommand, useCommands } from '../workspace/commands';
import { CloseIcon, LockIcon, PaperclipIcon, SendIcon } from '../ui/icons';
import { AttachmentTray } from './AttachmentTray';
import { ChannelRuleBar } from './ChannelRuleBar';
import { composerRules, type ComposerMode } from './composerRules';
import { TemplatePicker } from './TemplatePicker';
import { useAttachments } from './useAttachments';
import { useTypingSignal } from './useTypingSignal';
import './composer.css';

interface ComposerProps {
  conversationId: string;
  contactName: string;
  channel: Channel;
  lastInboundAt: number | null;
  inputRef: Ref<HTMLTextAreaElement>;
  /** The customer's last message, for suggested replies. */
  lastInbound: string;
  /** The message being answered with a quote, if any. */
  quoting: ThreadMessage | null;
  clearQuote: () => void;
  /** Files dropped on the thread, handed in by the thread view. */
  dropped: { files: File[]; at: number } | null;
}

export const Composer = memo(function Composer({ conversationId, contactName, channel, lastInboundAt, inputRef, lastInbound, quoting, clearQuote, dropped }: ComposerProps) {
  const t = useT();
  const words = useReasonText();
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  // Unsent text per conversation lives in the core, so it survives switching and restarts.
  useDraft(conversationId, body, setBody);
  const [mode, setMode] = useState<ComposerMode>('reply');
  const [templatesOpen, setTemplatesOpen] = useState(false);
  const errorId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const localInput = useRef<HTMLTextAreaElement | null>(null);
  const { settings } = useSettings();
  const { isMac } = useCommands();
  const session = useDeskQuery('session.get', {});
  const now = useNow();
  const files = useAttachments(conversationId, channel);
  const typing = useTypingSignal(conversationId);
  const send = useDeskMutation('message.send', {
    // The core has written the pending row by the time it answers; refetch without waiting for
    // the change notice so the message shows at once.
    onSettled: () => queryClient.invalidateQueries({ queryKey: deskKeyPrefix('thread.get', { conversationId }) }),
  });
  const rules = composerRules({ channel, lastInboundAt, now, mode, body });
  const isNote = mode === 'note';

  const focusInput = () => localInput.current?.focus();
  useCommand('note', () => {
    setMode((m) => (m === 'note' ? 'reply' : 'note'));
    focusInput();
  });

  // Files dropped anywhere on the thread arrive here.
  const { add } = files;
  const fileCount = files.files.length;
  const lastDrop = useRef(0);
  useEffect(() => {
    if (!dropped || dropped.at === lastDrop.current) return;
    lastDrop.current = dropped.at;
    if (!isNote) add(dropped.files, fileCount);
  }, [dropped, add, fileCount, isNote]);

  const update = (text: string) => {
    setBody(text);
    if (!isNote) typing.changed(text);
  };

  const attachments = isNote ? [] : files.files;
  const ready = attachments.every((f) => f.state === 'ready');
  const hasContent = body.trim().length > 0 || attachments.length > 0;
  const canSend = hasContent && ready && rules.freeText && !send.isPending;

  const sendNow = (text: string) => {
    const attachmentIds = attachments.flatMap((f) => (f.attachmentId ? [f.attachmentId] : []));
    const sentKeys = attachments.map((f) => f.key);
    update('');
    typing.stop();
    send.mutate(
      { conversationId, body: text, kind: isNote ? 'note' : 'text', replyToId: quoting?.id ?? null, attachmentIds },
      {
        onSuccess: () => {
          files.sent(sentKeys);
          clearQuote();
        },
        onError: () => update(text),
      },
    );
  };

  const assist = useComposerAssist({ conversationId, body, setBody: update, inputRef: localInput, lastInbound: isNote ? '' : lastInbound, send: sendNow });

  const submit = () => {
    if (canSend) assist.submit(body);
  };

  const sendTemplate = (template: WhatsAppTemplate, params: string[]) => {
    send.mutate({ conversationId, template: { id: template.id, params } }, { onSuccess: () => setTemplatesOpen(false) });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (assist.onKeyDown(event)) return;
    if (event.key === 'Escape' && quoting) {
      event.preventDefault();
      clearQuote();
      return;
    }
    if (isSendPress(event, settings.sendKey, isMac) && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = [...event.clipboardData.files];
    if (pasted.length === 0 || isNote) return;
    event.preventDefault();
    files.add(pasted, fileCount);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };

  const setRefs = (el: HTMLTextAreaElement | null) => {
    localInput.current = el;
    if (typeof inputRef === 'function') inputRef(el);
    else if (inputRef) (inputRef as { current: HTMLTextAreaElement | null }).current = el;
  };

  const label = isNote ? t('composer.noteLabel') : t('composer.label', { name: contactName });
  const blocked = !rules.freeText;
  const agentName = session.data?.agent.name;
  return (
    <form className={isNote ? 'composer composer--note' : 'composer'} onSubmit={onSubmit} data-testid="composer" data-mode={mode}>
      <div className="composer__modes" role="tablist" aria-label={t('composer.modes')}>
        <button type="button" role="tab" aria-selected={!isNote} className="composer__mode" data-testid="composer-mode-reply" onClick={() => setMode('reply')}>
          {t('composer.modeReply')}
        </button>
        <button type="button" role="tab" aria-selected={isNote} className="composer__mode composer__mode--note" data-testid="composer-mode-note" onClick={() => setMode('note')}>
          <LockIcon />
          {t('composer.modeNote')}
        </button>
        {!isNote ? <ChannelRuleBar rules={rules} channel={channel} onTemplates={() => setTemplatesOpen(true)} /> : <span className="composer__note-hint">{t('composer.noteHint')}</span>}
      </div>
      {quoting ? (
        <div className="composer__quote" data-testid="composer-quote">
          <span className="composer__quote-label">{t('composer.replyingTo')}</span>
          <span className="composer__quote-text" dir="auto">{quoting.deletedAt !== null ? t('thread.deleted') : markdownToPlainText(quoting.body)}</span>
          <button type="button" className="icon-button" aria-label={t('composer.cancelQuote')} onClick={clearQuote}>
            <CloseIcon />
          </button>
        </div>
      ) : null}
      {templatesOpen && !isNote ? (
        <TemplatePicker
          defaults={{ customerName: contactName, ...(agentName ? { agentName } : {}) }}
          sending={send.isPending}
          onSend={sendTemplate}
          onClose={() => setTemplatesOpen(false)}
        />
      ) : null}
      {!isNote ? <AttachmentTray files={files.files} refusals={files.refusals} onRemove={files.remove} onDismiss={files.dismissRefusals} /> : null}
      {assist.above}
      <div className="composer__box">
        {!isNote ? (
          <>
            <input
              ref={fileInput}
              type="file"
              multiple
              hidden
              data-testid="composer-file"
              onChange={(event) => {
                files.add([...(event.target.files ?? [])], fileCount);
                event.target.value = '';
              }}
            />
            <button
              type="button"
              className="icon-button composer__attach"
              title={t('composer.attach')}
              aria-label={t('composer.attach')}
              disabled={blocked}
              data-testid="composer-attach"
              onClick={() => fileInput.current?.click()}
            >
              <PaperclipIcon />
            </button>
          </>
        ) : null}
        <div className="composer__field">
          {assist.behindInput}
        <textarea
          ref={setRefs}
          {...assist.inputAria}
          className="composer__input"
          data-testid="composer-input"
          aria-label={label}
          aria-keyshortcuts="r"
          aria-describedby={send.isError ? errorId : undefined}
          placeholder={blocked ? t('composer.blockedPlaceholder') : isNote ? t('composer.notePlaceholder') : attachments.length > 0 ? t('composer.captionPlaceholder') : t('composer.placeholder')}
          dir="auto"
          rows={2}
          maxLength={MAX_MESSAGE_BODY}
          value={body}
          disabled={blocked}
          onChange={(event) => update(event.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={() => typing.stop()}
        />
        </div>
        <button type="submit" className="button button--primary composer__send" data-testid="composer-send" disabled={!canSend}>
          {isNote ? <LockIcon /> : <SendIcon />}
          {isNote ? t('composer.addNote') : t('composer.send')}
        </button>
      </div>
      {send.isError ? (
        <p id={errorId} className="composer__error" role="alert" data-testid="composer-error">
          {words.error(send.error)}
        </p>
      ) : null}
      {assist.dialog}
    </form>
  );
});
