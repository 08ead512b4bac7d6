// Defaults applied to every web contents the app creates: no navigation away from app://, no new
// windows, no <webview>, and no permission but notifications for our own page. Web and mail links
// open in the OS after the shared link validator has vetted them (navigationPolicy.ts).
import type { Session, WebContents } from 'electron';
import { isAppUrl } from './appOrigin';
import { navigationDecision, newWindowDecision, type NavigationDecision } from './navigationPolicy';
import { permissionAllowed } from './permissions';

export type OpenExternal = (url: string) => Promise<void>;

export function guardWebContents(contents: WebContents, openExternal: OpenExternal, onRefused: (url: string) => void): void {
  const act = (decision: NavigationDecision, url: string) => {
    if (decision === 'openExternal') void openExternal(url).catch(() => onRefused(url));
    else if (decision === 'refuse') onRefused(url);
  };
  contents.on('will-navigate', (event, url) => {
    const decision = navigationDecision(url);
    if (decision === 'stay') return;
    event.preventDefault();
    act(decision, url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    act(newWindowDecision(url), url);
    return { action: 'deny' };
  });
}

export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permissionAllowed(permission, details.requestingUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin));
}
