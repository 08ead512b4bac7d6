// The origin the packaged renderer is served from inside Electron. A custom privileged scheme
// instead of file:// gives the page a real origin (so CSP 'self' and same-origin rules mean
// something) and lets the main process decide exactly which files can be read.
export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** True for URLs on our own app:// origin (and nothing else, not even other app:// hosts). */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}
