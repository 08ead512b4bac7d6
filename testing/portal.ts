// A signed-in portal customer for tests, speaking plain HTTP to a real backend: follows a magic
// link, keeps the session cookie, and reads the Server-Sent Events stream.
import { PORTAL_SESSION_COOKIE } from '../shared/portal';

export interface PortalAnswer<T = unknown> {
  status: number;
  json: T;
}

export interface PortalEvent {
  event: string;
  data: unknown;
}

export interface PortalStream {
  /** Events received so far, in order. */
  readonly events: PortalEvent[];
  close(): void;
}

export interface PortalCustomer {
  readonly cookie: string;
  /** `path` is relative to the tenant's API root, e.g. `conversations`. */
  get<T = unknown>(path: string): Promise<PortalAnswer<T>>;
  post<T = unknown>(path: string, body: unknown, headers?: Record<string, string>): Promise<PortalAnswer<T>>;
  events(): Promise<PortalStream>;
}

/** Follows the sign-in link without redirects; throws unless it answers with a session cookie. */
export async function signInToPortal(link: string): Promise<PortalCustomer> {
  const response = await fetch(link, { redirect: 'manual' });
  const setCookie = response.headers.get('set-cookie') ?? '';
  const match = new RegExp(`^${PORTAL_SESSION_COOKIE}=([^;]+)`).exec(setCookie);
  if (response.status !== 303 || !match) throw new Error(`Sign-in answered ${response.status} without a session cookie.`);
  const url = new URL(link);
  const apiRoot = `${url.origin}${url.pathname.replace(/sign-in$/, 'api/')}`;
  return portalCustomer(apiRoot, `${PORTAL_SESSION_COOKIE}=${match[1]}`);
}

export function portalCustomer(apiRoot: string, cookie: string): PortalCustomer {
  const call = async <T>(path: string, init: RequestInit): Promise<PortalAnswer<T>> => {
    const response = await fetch(`${apiRoot}${path}`, { ...init, headers: { cookie, ...init.headers } });
    return { status: response.status, json: (await response.json()) as T };
  };
  return {
    cookie,
    get: (path) => call(path, {}),
    post: (path, body, headers = {}) =>
      call(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }),
    async events() {
      const abort = new AbortController();
      const response = await fetch(`${apiRoot}events`, { headers: { cookie }, signal: abort.signal });
      if (response.status !== 200 || !response.body) throw new Error(`The event stream answered ${response.status}.`);
      const events: PortalEvent[] = [];
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      void (async () => {
        let buffer = '';
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) return;
            buffer += value;
            let end: number;
            while ((end = buffer.indexOf('\n\n')) !== -1) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const event = /^event: (.*)$/m.exec(block)?.[1];
              const data = /^data: (.*)$/m.exec(block)?.[1];
              if (event !== undefined && data !== undefined) events.push({ event, data: JSON.parse(data) });
            }
          }
        } catch {
          // Aborted by close().
        }
      })();
      return { events, close: () => abort.abort() };
    },
  };
}
