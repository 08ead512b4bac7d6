import type { SyncProgress as Progress } from '../../../shared/ipc/contract';
import { useFormat, useT } from '../i18n/LocaleContext';

export function SyncProgress({ progress }: { progress: Progress }) {
  const t = useT();
  const format = useFormat();
  const label = t(`sync.${progress.phase}`, { done: format.number(progress.done), total: format.number(progress.total) });
  return (
    <div className="sync" data-testid="sync-progress" data-phase={progress.phase}>
      <progress className="sync__bar" value={progress.done} max={Math.max(progress.total, 1)} aria-label={label} />
      <span className="sync__label">{label}</span>
    </div>
  );
}
