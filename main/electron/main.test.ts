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
  const sent: [string, unknown][] = [];
  const notifications: FakeNotification[] = [];
  const menus: { application: unknown[] | null; tray: unknown[] | null } = { application: null, tray: null };
  const badge: number[] = [];
  const protocolClients: string[] = [];

  class FakeWindow {
    readonly webContents = {
      id: 1,
      mainFrame: { processId: 10, routingId: 1 },
      send: (channel: string, payload: unknown) => sent.push([channel, payload]),
    };
    url: string | null = null;
    focused = 0;
    hidden = false;
    readonly listeners = new Map<string, Listener>();
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      windows.push(this);
    }
    once() {}
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
    }
    getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 820 });
    isMaximized = () => false;
    maximize() {}
    hide() {
      this.hidden = true;
    }
    setOverlayIcon() {}
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

  class FakeNotification {
    readonly listeners = new Map<string, Listener>();
    shown = false;
    constructor(readonly options: { title: string; body: string; silent: boolean }) {
      notifications.push(this);
    }
    static isSupported = () => true;
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
    }
    show() {
      this.shown = true;
    }
  }

  class FakeTray {
    on() {}
    setImage() {}
    setToolTip() {}
    setContextMenu(menu: { template: unknown[] }) {
      menus.tray = menu.template;
    }
    destroy() {}
  }

  const fake = {
    app: {
      setName: () => undefined,
      setPath: () => undefined,
      getPath: (name: string) => (name === 'userData' ? userData : path.join(userData, name)),
      requestSingleInstanceLock: () => true,
      isPackaged: false,
      setAsDefaultProtocolClient: (scheme: string) => protocolClients.push(scheme) > 0,
      setBadgeCount: (count: number) => badge.push(count) > 0,
      getLoginItemSettings: () => ({ openAtLogin: false }),
      setLoginItemSettings: () => undefined,
      on: (event: string, listener: Listener) => appListeners.set(event, [...(appListeners.get(event) ?? []), listener]),
      whenReady: () => Promise.resolve(),
      getAppPath: () => appRoot,
      getVersion: () => '9.9.9',
      getPreferredSystemLanguages: () => ['de-AT', 'en-US'],
      getLocale: () => 'de',
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
    Notification: FakeNotification,
    Tray: FakeTray,
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ template, popup: () => undefined }),
      setApplicationMenu: (menu: { template: unknown[] }) => {
        menus.application = menu.template;
      },
    },
    nativeImage: { createFromBuffer: () => ({}), createEmpty: () => ({}) },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  };

  const emitApp = (event: string, ...args: unknown[]) => (appListeners.get(event) ?? []).map((listener) => listener(...args));
  return {
    fake,
    windows,
    opened,
    ipcHandlers,
    emitApp,
    sent,
    notifications,
    menus,
    protocolClients,
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
          builder.onResolve({ filter: /^(better-sqlite3|bufferutil|utf-8-validate|electron-updater)$/ }, (args) => {
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
    expect(await appInfo(fromWindow, {})).toMatchObject({ ok: true, value: { mode: 'electron', version: '9.9.9', systemLocales: ['de-AT', 'en-US', 'de'] } });
    const fromSubframe = { ...fromWindow, senderFrame: { ...fromWindow.senderFrame, routingId: 2 } };
    expect(await appInfo(fromSubframe, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await electron.ipcHandlers.get(ipcChannel('inbox.list'))!(fromWindow, { view: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
  });

  it('denies permissions and guards every web contents', () => {
    const decide = (permission: string, requestingUrl: string) => {
      let granted: boolean | null = null;
      electron.permissionRequest!(null, permission, (value: boolean) => (granted = value), { requestingUrl });
      return granted;
    };
    expect(decide('media', 'app://desk/index.html')).toBe(false);
    expect(decide('geolocation', 'app://desk/index.html')).toBe(false);
    expect(decide('notifications', 'app://desk/index.html')).toBe(true);
    expect(decide('notifications', 'https://evil.test/')).toBe(false);
    expect(electron.permissionCheck!(null, 'media', 'app://desk')).toBe(false);
    expect(electron.permissionCheck!(null, 'notifications', 'app://desk')).toBe(true);

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

  it('focuses the existing window when a second instance starts, and opens its deep link', () => {
    electron.emitApp('second-instance', {}, ['/opt/agent-desk']);
    expect(electron.windows[0]!.focused).toBe(1);
    electron.sent.length = 0;
    electron.emitApp('second-instance', {}, ['/opt/agent-desk', 'agentdesk://conversation/c-42']);
    electron.emitApp('second-instance', {}, ['/opt/agent-desk', 'agentdesk://conversation/../../etc']);
    expect(electron.sent).toEqual([['desk-push:navigate', { conversationId: 'c-42' }]]);
    expect(electron.protocolClients).toEqual(['agentdesk']);
  });

  it('opens deep links handed over by the OS (macOS open-url)', () => {
    electron.sent.length = 0;
    const event = { prevented: false, preventDefault() { this.prevented = true; } };
    electron.emitApp('open-url', event, 'agentdesk://conversation/c-7');
    expect(event.prevented).toBe(true);
    expect(electron.sent).toEqual([['desk-push:navigate', { conversationId: 'c-7' }]]);
  });

  it('shows notifications through the OS; a click brings the window forward', async () => {
    const fromWindow = { sender: { id: 1 }, senderFrame: { url: 'app://desk/index.html', processId: 10, routingId: 1 } };
    expect(await electron.ipcHandlers.get(ipcChannel('notifications.test'))!(fromWindow, {})).toEqual({ ok: true, value: null });
    const [shown] = electron.notifications;
    expect(shown).toMatchObject({ shown: true, options: { title: 'Notifications work', silent: true } });
    const before = electron.windows[0]!.focused;
    shown!.listeners.get('click')!();
    expect(electron.windows[0]!.focused).toBe(before + 1);
    // The renderer still hears of it, to play the sound, but does not show it a second time.
    expect(electron.sent).toContainEqual(['desk-push:notify', { notification: expect.objectContaining({ kind: 'test' }), display: false }]);
  });

  it('builds the menus from the keymap, translated once the window sends its labels', async () => {
    type Item = { label?: string; role?: string; id?: string; submenu?: Item[]; click?: () => void };
    const flat = (items: Item[]): Item[] => items.flatMap((i) => [i, ...flat(i.submenu ?? [])]);
    const menu = () => flat(electron.menus.application as Item[]);
    expect(menu().some((i) => i.role === 'reload' || i.role === 'forceReload')).toBe(false);
    electron.sent.length = 0;
    menu().find((i) => i.id === 'command:resolve')!.click!();
    expect(electron.sent).toEqual([['desk-push:command', { id: 'resolve' }]]);

    const fromWindow = { sender: { id: 1 }, senderFrame: { url: 'app://desk/index.html', processId: 10, routingId: 1 } };
    await electron.ipcHandlers.get(ipcChannel('desktop.labels'))!(fromWindow, { labels: { 'menu.conversation': 'Unterhaltung', 'tray.quit': 'Beenden' } });
    expect(menu().some((i) => i.label === 'Unterhaltung')).toBe(true);
    expect(flat(electron.menus.tray as Item[]).some((i) => i.label === 'Beenden')).toBe(true);
  });

  it('hides the window on close instead of quitting, so notifications keep coming', () => {
    const window = electron.windows[0]!;
    const event = { prevented: false, preventDefault() { this.prevented = true; } };
    window.listeners.get('close')!(event);
    expect(event.prevented).toBe(true);
    expect(window.hidden).toBe(true);
  });
});
