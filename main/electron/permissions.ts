// Which web permissions the page may have: notifications only, and only for our own app:// page.
// Everything else (camera, microphone, geolocation, clipboard reading, MIDI, ...) is refused.
import { isAppUrl } from './appOrigin';

export function permissionAllowed(permission: string, requestingUrl: string): boolean {
  return permission === 'notifications' && isAppUrl(requestingUrl);
}
