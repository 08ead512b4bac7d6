// The Electron entry point, bundled exactly as `npm run build` does, run under Node against a
// recording stand-in for the electron module: the glue's wiring (window options, app:// protocol,
// contract handlers, guards, lifecycle) is checked without the Electron binary.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, ipcChannel } from '../../shared/ipc/contract';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

type Listener = (...args: unknown[]) => unknown;

/** What the fake records; the bundle's `require('electron')` returns `fake`. */
function createFakeElectron(appRoot: string, userData: string) {
  const appListeners = new Map<string, Listener[]>();
  const ipcHandlers = new Map<string, Listener>();
  const windows: FakeWindow[] = [];
  const opened: string[] = [];
  let protocolHandler: ((request: Request) => Promise<Response>) | null = null;
  let permissionRequest: Listener | null = null;
  let permissionCheck: Listener | null = null;
  let schemes: unknown = null;
  let quit = false;

  class FakeWindow {
    readonly webContents = { id: 1, mainFrame: { processId: 10, routingId: 1 }, send: () => undefined };
    url: string | null = null;
    focused = 0;
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      windows.push(this);
    }
    once() {}
    on() {}
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    restore() {}
    show() {}
    focus() {
      this.focused += 1;
    }
    static getAllWindows = () => windows;
  }

  const fake = {
    app: {
      setName: () => undefined,
      setPath: () => undefined,
      getPath: (name: string) => (name === 'userData' ? userData : path.join(userData, name)),
      requestSingleInstanceLock: () => true,
      on: (event: string, listener: Listener) => appListeners.set(event, [...(appListeners.get(event) ?? []), listener]),
      whenReady: () => Promise.resolve(),
      getAppPath: () => appRoot,
      getVersion: () => '9.9.9',
      quit: () => {
        quit = true;
      },
      exit: () => undefined,
    },
    protocol: {
      registerSchemesAsPrivileged: (value: unknown) => {
        schemes = value;
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => {
          permissionRequest = handler;
        },
        setPermissionCheckHandler: (handler: Listener) => {
          permissionCheck = handler;
        },
        protocol: {
          handle: (_scheme: string, handler: (request: Request) => Promise<Response>) => {
            protocolHandler = handler;
          },
        },
      },
    },
    ipcMain: { handle: (channel: string, handler: Listener) => ipcHandlers.set(channel, handler), removeHandler: () => undefined },
    safeStorage: { isEncryptionAvailable: () => false },
    shell: {
      openExternal: async (url: string) => {
        opened.push(url);
      },
    },
    nativeTheme: { shouldUseDarkColors: false },
    net: {
      // Electron's net.fetch reads file: URLs; Node's fetch does not.
      fetch: async (url: string) => {
        const { readFile } = await import('node:fs/promises');
        return new Response(await readFile(new URL(url)), { headers: { 'content-type': 'text/html' } });
      },
    },
    BrowserWindow: FakeWindow,
  };

  const emitApp = (event: string, ...args: unknown[]) => (appListeners.get(event) ?? []).map((listener) => listener(...args));
  return {
    fake,
    windows,
    opened,
    ipcHandlers,
    emitApp,
    get protocolHandler() {
      return protocolHandler;
    },
    get permissionRequest() {
      return permissionRequest;
    },
    get permissionCheck() {
      return permissionCheck;
    },
    get schemes() {
      return schemes;
    },
    get quit() {
      return quit;
    },
  };
}

let dir: string;
let electron: ReturnType<typeof createFakeElectron>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'desk-electron-'));
  const appRoot = path.join(dir, 'app');
  await mkdir(path.join(appRoot, 'dist', 'renderer'), { recursive: true });
  await writeFile(path.join(appRoot, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Agent Desk</title>');
  await writeFile(path.join(dir, 'outside.txt'), 'secret');
  electron = createFakeElectron(appRoot, path.join(dir, 'userData'));
  (globalThis as Record<string, unknown>).__fakeElectron = electron.fake;

  const bundle = path.join(dir, 'main.cjs');
  await build({
    absWorkingDir: ROOT,
    entryPoints: [path.join(ROOT, 'main', 'electron', 'main.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'error',
    plugins: [
      {
        name: 'fake-electron',
        setup(builder) {
          builder.onResolve({ filter: /^electron$/ }, () => ({ path: 'electron', namespace: 'fake' }));
          builder.onLoad({ filter: /.*/, namespace: 'fake' }, () => ({ contents: 'module.exports = globalThis.__fakeElectron;' }));
          // Native modules load from the project's node_modules, wherever the bundle is written.
          builder.onResolve({ filter: /^(better-sqlite3|bufferutil|utf-8-validate)$/ }, (args) => {
            try {
              return { path: require.resolve(args.path), external: true };
            } catch {
              return { path: args.path, external: true };
            }
          });
        },
      },
    ],
  });
  require(bundle);
  // The window opens once the core has started.
  await vi.waitFor(() => expect(electron.windows).toHaveLength(1), { timeout: 15_000 });
}, 60_000);

afterAll(async () => {
  // will-quit stops the core before quitting.
  const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
  electron.emitApp('will-quit', event);
  expect(event.defaultPrevented).toBe(true);
  await vi.waitFor(() => expect(electron.quit).toBe(true), { timeout: 10_000 });
  delete (globalThis as Record<string, unknown>).__fakeElectron;
  await rm(dir, { recursive: true, force: true });
});

describe('Electron main process glue', () => {
  it('registers app:// as a privileged standard scheme', () => {
    expect(electron.schemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
  });

  it('opens one isolated, sandboxed window on app://desk/ with the bundled preload', () => {
    const [window] = electron.windows;
    expect(window!.url).toBe('app://desk/index.html');
    expect(window!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: path.join(dir, 'app', 'dist', 'electron', 'preload.cjs'),
    });
  });

  it('serves the renderer with the CSP and refuses other paths and hosts', async () => {
    const handler = electron.protocolHandler!;
    const index = await handler(new Request('app://desk/index.html'));
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('Agent Desk');
    expect(index.headers.get('content-security-policy')).toContain("connect-src 'none'");
    for (const url of ['app://desk/..%2foutside.txt', 'app://desk/missing.js', 'app://other/index.html']) {
      expect((await handler(new Request(url))).status, url).toBe(404);
    }
  });

  it('registers every contract method and checks the sender before dispatching', async () => {
    expect([...electron.ipcHandlers.keys()].sort()).toEqual(METHOD_NAMES.map(ipcChannel).sort());
    const appInfo = electron.ipcHandlers.get(ipcChannel('app.info'))!;
    const fromWindow = { sender: { id: 1 }, senderFrame: { url: 'app://desk/index.html', processId: 10, routingId: 1 } };
    expect(await appInfo(fromWindow, {})).toMatchObject({ ok: true, value: { mode: 'electron', version: '9.9.9' } });
    const fromSubframe = { ...fromWindow, senderFrame: { ...fromWindow.senderFrame, routingId: 2 } };
    expect(await appInfo(fromSubframe, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await electron.ipcHandlers.get(ipcChannel('inbox.list'))!(fromWindow, { view: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
  });

  it('denies permissions and guards every web contents', () => {
    let granted: boolean | null = null;
    electron.permissionRequest!(null, 'media', (value: boolean) => (granted = value));
    expect(granted).toBe(false);
    expect(electron.permissionCheck!()).toBe(false);

    const handlers = new Map<string, Listener>();
    let openHandler: Listener | null = null;
    const contents = { on: (event: string, listener: Listener) => handlers.set(event, listener), setWindowOpenHandler: (h: Listener) => (openHandler = h) };
    electron.emitApp('web-contents-created', {}, contents);
    expect(openHandler!({ url: 'https://example.com/a' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    const navigation = { prevented: false, preventDefault() { this.prevented = true; } };
    handlers.get('will-navigate')!(navigation, 'file:///etc/passwd');
    expect(navigation.prevented).toBe(true);
    expect(electron.opened).toEqual(['https://example.com/a']);
  });

  it('focuses the existing window when a second instance starts', () => {
    electron.emitApp('second-instance');
    expect(electron.windows[0]!.focused).toBe(1);
  });
});
