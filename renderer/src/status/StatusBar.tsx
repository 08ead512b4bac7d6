import { useT } from '../i18n/LocaleContext';
import type { Session } from '../../../shared/ipc/contract';
import { useDeskQuery } from '../api/hooks';
import { useReasonText } from '../i18n/reasonText';
import { AgentStatusSelect } from '../workflow/AgentStatusSelect';
import { KeyboardIcon, LogoutIcon, PulseIcon, SettingsIcon } from '../ui/icons';
import { connectionLabel } from './connectionLabel';
import { LogoutDialog } from './LogoutDialog';
import { SyncProgress } from './SyncProgress';
import { useLogout } from './useLogout';
import './statusbar.css';

interface StatusBarProps {
  session: Session;
  onOpenDiagnostics: () => void;
  onOpenShortcuts: () => void;
  onOpenSettings?: () => void;
}

export function StatusBar({ session, onOpenDiagnostics, onOpenShortcuts, onOpenSettings }: StatusBarProps) {
  const t = useT();
  const words = useReasonText();
  // Kept current by the `connection` push event; this query only supplies the first value.
  const connection = useDeskQuery('connection.get', {});
  const state = connection.data;
  const logout = useLogout(state?.unsent ?? 0);

  return (
    <footer className="statusbar" aria-label={t('statusBar.label')}>
      <div
        className={`statusbar__connection statusbar__connection--${state?.status ?? 'connecting'}`}
        data-testid="connection-status"
        data-status={state?.status ?? 'connecting'}
        data-unsent={state?.unsent ?? 0}
        role="status"
        aria-live="polite"
        title={state?.lastError ? (words.reason(state.lastErrorReason) ?? t('errors.internal')) : undefined}
      >
        <span className="statusbar__dot" aria-hidden="true" />
        {state ? connectionLabel(state, t) : t('connection.connecting')}
      </div>
      {state?.sync ? <SyncProgress progress={state.sync} /> : null}
      <div className="statusbar__spacer" />
      <button type="button" className="statusbar__button" onClick={onOpenDiagnostics} aria-keyshortcuts="d">
        <PulseIcon />
        {t('statusBar.diagnostics')}
      </button>
      <button type="button" className="statusbar__button" onClick={onOpenShortcuts} aria-keyshortcuts="?">
        <KeyboardIcon />
        <span className="visually-hidden">{t('statusBar.shortcuts')}</span>
      </button>
      {onOpenSettings ? (
        <button type="button" className="statusbar__button" onClick={onOpenSettings} data-testid="open-settings">
          <SettingsIcon />
          <span className="visually-hidden">{t('settings.title')}</span>
        </button>
      ) : null}
      <AgentStatusSelect agentId={session.agent.id} />
      <span className="statusbar__agent">{t('statusBar.signedInAs', { name: session.agent.name, tenant: session.tenantName })}</span>
      <button type="button" className="statusbar__button" onClick={logout.start} disabled={logout.busy} data-testid="logout">
        <LogoutIcon />
        {t('statusBar.logout')}
      </button>
      {logout.confirmCount !== null ? (
        <LogoutDialog unsent={logout.confirmCount} busy={logout.busy} onConfirm={logout.confirm} onCancel={logout.cancel} />
      ) : null}
    </footer>
  );
}
