// Where the page is: the portal's paths, read from and written to the address bar.
import { PORTAL, SIGN_IN_FAILURES, type SignInFailure } from '../../shared/portal';

export type Route =
  | { page: 'messages' }
  | { page: 'compose' }
  | { page: 'thread'; conversationId: string };

export interface Location {
  tenant: string;
  route: Route;
  /** Why the last sign-in link did not work, from `?signIn=`. */
  signInFailure: SignInFailure | null;
}

/** Reads `/portal/<tenant>/…`; null when the path is not a portal page. */
export function parseLocation(pathname: string, search: string): Location | null {
  const match = /^\/portal\/([^/]+)\/(?:(new)|conversations\/([^/]+))?\/?$/.exec(pathname);
  if (!match) return null;
  const [, tenant, compose, id] = match;
  const failure = new URLSearchParams(search).get('signIn');
  return {
    tenant: decodeURIComponent(tenant!),
    route: id !== undefined ? { page: 'thread', conversationId: decodeURIComponent(id) } : compose ? { page: 'compose' } : { page: 'messages' },
    signInFailure: (SIGN_IN_FAILURES as readonly string[]).includes(failure ?? '') ? (failure as SignInFailure) : null,
  };
}

export function pathOf(tenant: string, route: Route): string {
  switch (route.page) {
    case 'messages':
      return PORTAL.root(tenant);
    case 'compose':
      return PORTAL.compose(tenant);
    case 'thread':
      return PORTAL.thread(tenant, route.conversationId);
  }
}
