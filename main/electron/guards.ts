// Defaults applied to every web contents the app creates: no navigation away from app://, no new
// windows, no <webview>, and no permission (camera, geolocation, ...) granted to page script.
// Web links a customer sent open in the OS browser, after the URL policy has vetted them.
import type { Session, WebContents } from 'electron';
import { isAppUrl } from './appOrigin';
import { isSafeExternalUrl } from '../../shared/links';

export type OpenExternal = (url: string) => Promise<void>;

export function guardWebContents(contents: WebContents, openExternal: OpenExternal, onRefused: (url: string) => void): void {
  const openOutside = (url: string) => {
    if (isSafeExternalUrl(url)) void openExternal(url).catch(() => onRefused(url));
    else onRefused(url);
  };
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openOutside(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
}

export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
