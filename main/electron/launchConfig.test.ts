import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_URL, NATIVE_BINDING_ENV, SERVER_URL_ENV, readLaunchConfig } from './launchConfig';

describe('readLaunchConfig', () => {
  it('falls back to the demo backend and the bundled native module', () => {
    expect(readLaunchConfig({})).toEqual({ defaultServerUrl: DEFAULT_SERVER_URL, nativeBinding: undefined });
    expect(readLaunchConfig({ [SERVER_URL_ENV]: ' ', [NATIVE_BINDING_ENV]: '' })).toEqual({
      defaultServerUrl: DEFAULT_SERVER_URL,
      nativeBinding: undefined,
    });
  });
  it('takes what the launcher passes', () => {
    expect(
      readLaunchConfig({ [SERVER_URL_ENV]: 'http://127.0.0.1:4781', [NATIVE_BINDING_ENV]: '/x/better_sqlite3.node' }),
    ).toEqual({ defaultServerUrl: 'http://127.0.0.1:4781', nativeBinding: '/x/better_sqlite3.node' });
  });
});
