// What the launcher (scripts/start.ts) tells the main process through the environment. `npm start`
// sets both; a packaged app sets neither and falls back to the demo backend's default address and
// the better-sqlite3 build that electron-builder already compiled for Electron.
export const SERVER_URL_ENV = 'AGENT_DESK_SERVER_URL';
export const NATIVE_BINDING_ENV = 'AGENT_DESK_NATIVE_BINDING';

/** Where the embedded demo backend listens unless that port is taken. */
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:4780';

export interface LaunchConfig {
  defaultServerUrl: string;
  nativeBinding: string | undefined;
}

export function readLaunchConfig(env: Record<string, string | undefined>): LaunchConfig {
  const serverUrl = env[SERVER_URL_ENV]?.trim();
  const nativeBinding = env[NATIVE_BINDING_ENV]?.trim();
  return {
    defaultServerUrl: serverUrl ? serverUrl : DEFAULT_SERVER_URL,
    nativeBinding: nativeBinding ? nativeBinding : undefined,
  };
}
