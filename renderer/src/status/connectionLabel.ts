import type { TFunction } from 'i18next';
import type { ConnectionState } from '../../../shared/ipc/contract';

/**
 * The status bar's words for the connection, including how many messages still wait to go out.
 * Failed messages are not going out by themselves (they wait for the agent to retry or discard),
 * so they are named apart and never counted as "sending".
 */
export function connectionLabel(state: Pick<ConnectionState, 'status' | 'unsent' | 'failed'>, t: TFunction): string {
  const waiting = state.unsent - state.failed;
  if (state.status === 'offline' && waiting > 0) return t('connection.offlineWaiting', { count: waiting });
  if (state.status === 'online' && waiting > 0) return t('connection.sending', { count: waiting });
  if (state.failed > 0) return t('connection.notSent', { status: t(`connection.${state.status}`), count: state.failed });
  return t(`connection.${state.status}`);
}
