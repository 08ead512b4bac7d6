import { describe, expect, it } from 'vitest';
import { parseLocation, pathOf } from './routes';

describe('portal routes', () => {
  it('reads the page and the sign-in failure from the address', () => {
    expect(parseLocation('/portal/acme/', '')).toEqual({ tenant: 'acme', route: { page: 'messages' }, signInFailure: null });
    expect(parseLocation('/portal/acme/new', '')?.route).toEqual({ page: 'compose' });
    expect(parseLocation('/portal/acme/conversations/a%2Fb', '')?.route).toEqual({ page: 'thread', conversationId: 'a/b' });
    expect(parseLocation('/portal/acme/', '?signIn=expired')?.signInFailure).toBe('expired');
    expect(parseLocation('/portal/acme/', '?signIn=<script>')?.signInFailure).toBeNull();
    expect(parseLocation('/elsewhere', '')).toBeNull();
  });

  it('writes paths that read back the same', () => {
    for (const route of [{ page: 'messages' }, { page: 'compose' }, { page: 'thread', conversationId: 'x y' }] as const) {
      expect(parseLocation(pathOf('acme', route), '')?.route).toEqual(route);
    }
  });
});
