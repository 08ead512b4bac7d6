// Chooses between the login screen and the workspace from the session, and wires push events.
import { useCallback } from 'react';
import { useT } from '../i18n/LocaleContext';
import type { Notice } from '../../../shared/ipc/contract';
import { useDeskQuery } from '../api/hooks';
import { usePushSync } from '../api/usePushSync';
import { LoginScreen } from '../login/LoginScreen';
import { Toasts } from '../toasts/Toasts';
import { useToasts } from '../toasts/ToastContext';
import { Workspace } from '../workspace/Workspace';
import './app.css';

export function App() {
  const t = useT();
  const { show } = useToasts();
  const onNotice = useCallback(
    (notice: Notice) => show({ message: { notice }, tone: notice.kind === 'sendFailed' ? 'error' : 'info' }),
    [show],
  );
  usePushSync(onNotice);

  const session = useDeskQuery('session.get', {});
  const info = useDeskQuery('app.info', {});

  let screen;
  if (session.isPending || info.isPending) {
    screen = (
      <div className="splash" role="status">
        {t('app.loading')}
      </div>
    );
  } else if (session.data) {
    screen = <Workspace session={session.data} />;
  } else {
    screen = <LoginScreen defaultServerUrl={info.data?.defaultServerUrl ?? ''} />;
  }

  return (
    <>
      {screen}
      <Toasts />
    </>
  );
}
