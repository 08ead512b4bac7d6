import type { TFunction } from 'i18next';
import type { ConnectionState } from '../../../shared/ipc/contract';

/** The status bar's words for the connection, including how many messages still wait to go out. */
export function connectionLabel(state: Pick<ConnectionState, 'status' | 'unsent'>, t: TFunction): string {
  if (state.status === 'offline' && state.unsent > 0) return t('connection.offlineWaiting', { count: state.unsent });
  if (state.status === 'online' && state.unsent > 0) return t('connection.sending', { count: state.unsent });
  return t(`connection.${state.status}`);
}
