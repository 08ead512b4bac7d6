// The text box of the compose view and the thread: Enter sends, Shift+Enter starts a new line, a
// counter shows the length against the limit; photos and PDFs come by the picker, by pasting or by
// dropping them on the box, and upload at once. Sending hands the text and files over and clears
// the box; the caller keeps them (as a pending message) until the server has them.
import { type DragEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_TYPES } from '../../shared/attachments';
import { PORTAL_MAX_TEXT } from '../../shared/portal';
import type { TypingSignal } from '../../shared/typingSignal';
import { UploadTray } from './Attachments';
import { useFormat } from './context';
import { PaperclipIcon, SendIcon } from './icons';
import { useUploads } from './useUploads';

/** What the customer sends: the text and the uploaded files (ids and names). */
export interface Outgoing {
  text: string;
  attachmentIds: string[];
  fileNames: string[];
}

const ACCEPT = ATTACHMENT_TYPES.filter((type) => !type.channels || type.channels.includes('portal'))
  .flatMap((type) => [type.mimeType, ...type.extensions.map((ext) => `.${ext}`)])
  .join(',');

export interface ComposerProps {
  placeholder: string;
  onSend(outgoing: Outgoing): void;
  /** Tells the team the customer is typing (in an existing conversation). */
  typing?: TypingSignal;
  autoFocus?: boolean;
  /** Rows the box starts with. */
  rows?: number;
}

export function Composer({ placeholder, onSend, typing, autoFocus = false, rows = 1 }: ComposerProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [text, setText] = useState('');
  const [dragging, setDragging] = useState(false);
  const files = useUploads();
  const picker = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const counterId = useId();
  const length = [...text].length;
  const tooLong = length > PORTAL_MAX_TEXT;
  const uploading = files.uploads.some((u) => u.state !== 'ready');
  const canSend = (text.trim().length > 0 || files.uploads.length > 0) && !tooLong && !uploading;

  const send = () => {
    if (!canSend) return;
    onSend({ text: text.trim(), attachmentIds: files.uploads.map((u) => u.id), fileNames: files.uploads.map((u) => u.name) });
    setText('');
    files.clear();
    typing?.stop();
  };

  const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

  return (
    <form
      className={dragging ? 'composer dragging' : 'composer'}
      data-testid="portal-composer"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (event.currentTarget === event.target) setDragging(false);
      }}
      onDrop={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setDragging(false);
        files.add([...event.dataTransfer.files], files.uploads.length);
      }}
    >
      <UploadTray uploads={files.uploads} refusals={files.refusals} onRemove={files.remove} onDismiss={files.dismiss} />
      <textarea
        className="composer-input"
        dir="auto"
        data-testid="portal-composer-input"
        aria-label={t('composer.label')}
        aria-describedby={`${hintId} ${counterId}`}
        aria-invalid={tooLong}
        placeholder={placeholder}
        value={text}
        rows={rows}
        autoFocus={autoFocus}
        onChange={(event) => {
          setText(event.target.value);
          typing?.changed(event.target.value);
        }}
        onBlur={() => typing?.stop()}
        onPaste={(event) => {
          const pasted = [...event.clipboardData.files];
          if (pasted.length === 0) return;
          event.preventDefault();
          files.add(pasted, files.uploads.length);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            send();
          }
        }}
      />
      <div className="composer-bar">
        <input
          ref={picker}
          type="file"
          multiple
          hidden
          accept={ACCEPT}
          data-testid="portal-composer-file"
          onChange={(event) => {
            files.add([...(event.target.files ?? [])], files.uploads.length);
            event.target.value = '';
          }}
        />
        <button
          type="button"
          className="button subtle icon-only"
          data-testid="portal-composer-attach"
          aria-label={t('attachments.attach')}
          title={t('attachments.attach')}
          onClick={() => picker.current?.click()}
        >
          <PaperclipIcon />
        </button>
        <span id={hintId} className="composer-hint">
          {tooLong ? <span className="composer-error">{t('composer.tooLong', { max: format.number(PORTAL_MAX_TEXT) })}</span> : t('composer.hint')}
        </span>
        <span id={counterId} className={tooLong ? 'composer-counter over' : 'composer-counter'} data-testid="portal-composer-counter" aria-live="polite">
          {t('composer.counter', { length: format.number(length), max: format.number(PORTAL_MAX_TEXT) })}
        </span>
        <button type="submit" className="button primary" data-testid="portal-composer-send" disabled={!canSend}>
          <SendIcon />
          <span>{t('composer.send')}</span>
        </button>
      </div>
    </form>
  );
}
