// What happens when the page tries to go somewhere: our own app:// pages load; a safe web or mail
// link opens in the OS (after the shared link validator); anything else is refused.
import { isSafeExternalUrl } from '../../shared/links';
import { isAppUrl } from './appOrigin';

export type NavigationDecision = 'stay' | 'openExternal' | 'refuse';

/** A navigation of the window itself (will-navigate). */
export function navigationDecision(url: string): NavigationDecision {
  if (isAppUrl(url)) return 'stay';
  return isSafeExternalUrl(url) ? 'openExternal' : 'refuse';
}

/** A request for a new window (window.open, target=_blank): never a window of ours. */
export function newWindowDecision(url: string): Exclude<NavigationDecision, 'stay'> {
  return isSafeExternalUrl(url) ? 'openExternal' : 'refuse';
}
