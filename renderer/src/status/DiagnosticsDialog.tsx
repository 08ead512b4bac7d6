import type { ReactNode } from 'react';
import { useDeskQuery } from '../api/hooks';
import { useFormat, useT } from '../i18n/LocaleContext';
import { Dialog } from '../ui/Dialog';

/** Refresh rate while the dialog is open: lag and outbox age change by the second. */
const REFRESH_MS = 2_000;

export function DiagnosticsDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const format = useFormat();
  const diagnostics = useDeskQuery('diagnostics.get', {}, { refetchInterval: REFRESH_MS, staleTime: 0 });
  const d = diagnostics.data;
  const known = (value: number | null | undefined, show: (value: number) => string = format.number) =>
    value === null || value === undefined ? <span className="diagnostics__unknown">{t('diagnostics.unknown')}</span> : show(value);

  return (
    <Dialog
      title={t('diagnostics.title')}
      onClose={onClose}
      testId="diagnostics"
      wide
      footer={
        <button type="button" className="button" onClick={onClose}>
          {t('diagnostics.close')}
        </button>
      }
    >
      {d ? (
        <dl className="diagnostics">
          <Row label={t('diagnostics.syncLag')} name="syncLag">{known(d.syncLag)}</Row>
          <Row label={t('diagnostics.localSeq')} name="localSeq">{format.number(d.localSeq)}</Row>
          <Row label={t('diagnostics.serverHead')} name="serverHead">{known(d.serverHead)}</Row>
          <Row label={t('diagnostics.outboxDepth')} name="outboxDepth">{format.number(d.outboxDepth)}</Row>
          <Row label={t('diagnostics.oldestEntry')} name="oldestOutboxAge">
            {d.oldestOutboxAgeMs === null ? t('diagnostics.none') : format.age(d.oldestOutboxAgeMs)}
          </Row>
          <Row label={t('diagnostics.cachedConversations')} name="cachedConversations">{format.number(d.cachedConversations)}</Row>
          <Row label={t('diagnostics.cachedMessages')} name="cachedMessages">{format.number(d.cachedMessages)}</Row>
          <Row label={t('diagnostics.cacheFile')} name="cacheFile">
            <code className="diagnostics__path" dir="ltr">{d.cacheFile}</code>
          </Row>
        </dl>
      ) : (
        <p role={diagnostics.isError ? 'alert' : 'status'}>{diagnostics.isError ? t('errors.internal') : t('app.loading')}</p>
      )}
    </Dialog>
  );
}

function Row({ label, name, children }: { label: string; name: string; children: ReactNode }) {
  return (
    <div className="diagnostics__row" data-field={name}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
