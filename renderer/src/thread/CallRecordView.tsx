// A voice call as a card: length, outcome, summary and date; expands to the transcript as
// alternating speaker bubbles.
import { useId, useState } from 'react';
import type { CallRecord } from '../../../shared/domain';
import { useFormat, useT } from '../i18n/LocaleContext';
import { ChevronIcon, PhoneIcon } from '../ui/icons';
import { durationParts } from './callDuration';

export function CallRecordView({ call, at }: { call: CallRecord; at: number }) {
  const t = useT();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const transcriptId = useId();
  const parts = durationParts(call.durationSec);
  const duration = parts.hours > 0 ? t('thread.call.durationHours', parts) : t('thread.call.duration', parts);
  return (
    <div className={`call call--${call.outcome}`} data-testid="call-card" data-outcome={call.outcome}>
      <div className="call__head">
        <span className="call__icon">
          <PhoneIcon />
        </span>
        <div className="call__titles">
          <span className="call__title">{t('thread.call.heading')}</span>
          <span className="call__facts">
            <span className="call__duration" data-testid="call-duration">{duration}</span>
            <span className={`call__outcome call__outcome--${call.outcome}`}>{t(`thread.call.outcome.${call.outcome}`)}</span>
            <time className="call__date" dateTime={new Date(at).toISOString()}>{format.fullDate(at)}</time>
          </span>
        </div>
        <button type="button" className="call__toggle" aria-expanded={open} aria-controls={transcriptId} onClick={() => setOpen(!open)}>
          {open ? t('thread.call.hideTranscript') : t('thread.call.showTranscript')}
          <ChevronIcon className={open ? 'call__chevron call__chevron--open' : 'call__chevron'} />
        </button>
      </div>
      {call.summary ? <p className="call__summary" dir="auto">{call.summary}</p> : null}
      {open ? (
        <ol id={transcriptId} className="call__transcript" data-testid="call-transcript">
          {call.transcript.length === 0 ? <li className="call__line call__line--empty">{t('thread.call.noTranscript')}</li> : null}
          {call.transcript.map((line, index) => (
            <li key={index} className={`call__line call__line--${line.speaker}`}>
              <span className="call__speaker">
                {t(line.speaker === 'agent' ? 'thread.agent' : 'thread.customer')}
                <span className="call__at">{format.callDuration(line.atSec)}</span>
              </span>
              <span className="call__text" dir="auto">{line.text}</span>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
