import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallRecord } from '../../../shared/domain';
import { formatCallDuration } from '../i18n/format';
import { ChevronIcon, PhoneIcon } from '../ui/icons';

export function CallRecordView({ call }: { call: CallRecord }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const transcriptId = useId();
  return (
    <div className="call">
      <div className="call__head">
        <span className="call__icon">
          <PhoneIcon />
        </span>
        <span className="call__title">{t('thread.call.title', { duration: formatCallDuration(call.durationSec) })}</span>
        <button type="button" className="call__toggle" aria-expanded={open} aria-controls={transcriptId} onClick={() => setOpen(!open)}>
          {open ? t('thread.call.hideTranscript') : t('thread.call.showTranscript')}
          <ChevronIcon className={open ? 'call__chevron call__chevron--open' : 'call__chevron'} />
        </button>
      </div>
      {open ? (
        <ol id={transcriptId} className="call__transcript">
          {call.transcript.length === 0 ? <li className="call__line call__line--empty">{t('thread.call.noTranscript')}</li> : null}
          {call.transcript.map((line, index) => (
            <li key={index} className={`call__line call__line--${line.speaker}`}>
              <span className="call__at">{formatCallDuration(line.atSec)}</span>
              <span className="call__speaker">{t(line.speaker === 'agent' ? 'thread.agent' : 'thread.customer')}</span>
              <span className="call__text" dir="auto">{line.text}</span>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
