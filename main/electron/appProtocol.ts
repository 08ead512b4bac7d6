// Serves the built renderer on app://desk/. Registered as a standard, secure scheme so the page
// gets a proper origin; every response carries the app CSP. Requests for other hosts, for paths
// outside the renderer directory, or for anything but a regular file get a 404.
import { stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { net, protocol, type Protocol } from 'electron';
import { APP_SCHEME, isAppUrl } from './appOrigin';
import { rendererCsp } from '../core/serving/csp';
import { resolveStaticFile } from '../core/serving/staticPath';

// The page talks to the core only through preload IPC, so it needs no network access at all.
const APP_CSP = rendererCsp("'none'");

/** Must run before the app is ready: privileges cannot be granted later. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });

async function isRegularFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

export function serveRenderer(sessionProtocol: Protocol, rendererDir: string): void {
  sessionProtocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' || !isAppUrl(request.url)) return notFound();
    const file = resolveStaticFile(rendererDir, request.url);
    if (file === null || !(await isRegularFile(file))) return notFound();
    // net.fetch on the file URL gives the right Content-Type and streams the body.
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', APP_CSP);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
