// Electron entry point (bundled to dist/electron/main.cjs). Glue only: it creates the core with
// OS-backed ports (keychain, notification centre, login items), wires the contract to ipcMain, and
// manages the window, tray, badge, menus, deep links and updates. Every decision it applies is a
// pure function in this folder with its own tests.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  Menu,
  Notification,
  Tray,
  app,
  ipcMain,
  nativeImage,
  nativeTheme,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron';
import type { BrowserWindow } from 'electron';
import type { AgentStatus } from '../../shared/domain';
import { pushChannel, type PushEventName, type PushEvents } from '../../shared/ipc/contract';
import { createCore, type Core } from '../core';
import { registerAppScheme, serveRenderer } from './appProtocol';
import { linuxAutostart, type LoginItems } from './autostart';
import { createConsoleLogger } from './consoleLogger';
import { DEEP_LINK_SCHEME, deepLinkFromArgv, parseDeepLink } from './deepLink';
import { denyPermissions, guardWebContents } from './guards';
import { forwardPushEvents, registerContractHandlers } from './ipc';
import { readLaunchConfig } from './launchConfig';
import { menuTemplate, type Labels } from './menu';
import { nativeNotifier } from './notifier';
import { createSafeSecretStore } from './safeSecretStore';
import { spellingMenu } from './spelling';
import { singleFlight } from './singleFlight';
import { trayMenuTemplate, trayStatusOf, trayTooltip, type TrayStatus } from './tray';
import { startUpdates } from './updates';
import { createMainWindow, focusWindow, loadWindowState, saveWindowState } from './window';

const PRODUCT_NAME = 'Agent Desk';
const log = createConsoleLogger('electron');

// The same profile folder in development and in the packaged app (whose package.json carries the
// product name, while the source tree's carries the npm name).
app.setName(PRODUCT_NAME);
app.setPath('userData', path.join(app.getPath('appData'), PRODUCT_NAME));
registerAppScheme();

/** Links that arrive before the core is ready (macOS sends open-url that early). */
let pendingLink: string | null = deepLinkFromArgv(process.argv);
let openLink: (conversationId: string) => void = (id) => {
  pendingLink = id;
};
app.on('open-url', (event, url) => {
  event.preventDefault();
  const id = parseDeepLink(url);
  if (id !== null) openLink(id);
  else log.warn('Ignored a malformed deep link.', { url: url.slice(0, 200) });
});

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the cache; it focuses its window (and opens the link) on 'second-instance'.
  app.quit();
} else {
  run().catch((error: unknown) => {
    log.error('Agent Desk failed to start.', { error: error instanceof Error ? error.stack : String(error) });
    app.exit(1);
  });
}

function registerDeepLinks(): void {
  // In development the executable is Electron itself, which needs the app's path to start it.
  const registered = process.defaultApp
    ? app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [path.resolve(process.argv[1] ?? '.')])
    : app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  if (!registered) log.warn('Could not register the agentdesk:// link handler.');
}

function loginItems(): LoginItems {
  if (process.platform === 'linux') {
    return linuxAutostart({
      configDir: app.getPath('appData'),
      fileName: 'agent-desk.desktop',
      name: PRODUCT_NAME,
      execPath: process.env.APPIMAGE ?? process.execPath,
    });
  }
  return {
    launchAtLogin: () => app.getLoginItemSettings().openAtLogin,
    setLaunchAtLogin: (enabled) => app.setLoginItemSettings({ openAtLogin: enabled, args: ['--hidden'] }),
  };
}

async function run(): Promise<void> {
  let mainWindow: BrowserWindow | null = null;
  let quitting = false;
  let labels: Labels = {};
  let unread = 0;
  const appRoot = app.getAppPath();
  const preload = path.join(appRoot, 'dist', 'electron', 'preload.cjs');
  const rendererDir = path.join(appRoot, 'dist', 'renderer');
  const userData = app.getPath('userData');
  const windowStateFile = path.join(userData, 'window-state.json');
  const startHidden = process.argv.includes('--hidden');

  const sendToWindow = <E extends PushEventName>(event: E, payload: PushEvents[E]) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(pushChannel(event), payload);
  };

  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, (url) => shell.openExternal(url), (url) =>
      log.warn('Refused to open a link outside the app.', { url: url.slice(0, 200) }),
    );
    contents.on('context-menu', (_e, params) => {
      const items = spellingMenu(params, labels, contents);
      if (items.length > 0) Menu.buildFromTemplate(items).popup();
    });
  });

  await app.whenReady();
  registerDeepLinks();
  denyPermissions(session.defaultSession);
  serveRenderer(session.defaultSession.protocol, rendererDir);

  const config = readLaunchConfig(process.env);
  const showWindow = () => {
    if (!mainWindow || mainWindow.isDestroyed()) openWindow(true);
    else focusWindow(mainWindow);
  };
  const core: Core = createCore({
    dataDir: userData,
    mode: 'electron',
    version: app.getVersion(),
    defaultServerUrl: config.defaultServerUrl,
    // The UI follows the OS language unless the agent picks one in Settings.
    systemLocales: [...app.getPreferredSystemLanguages(), app.getLocale()],
    secrets: createSafeSecretStore({
      file: path.join(userData, 'session.bin'),
      encryptor: safeStorage,
      platform: process.platform,
      log,
    }),
    log,
    notifier: nativeNotifier(
      { isSupported: () => Notification.isSupported(), create: (options) => new Notification(options) },
      (notification) => {
        showWindow();
        if (notification.conversationId) core.navigate(notification.conversationId);
      },
    ),
    desktop: {
      ...loginItems(),
      setLabels: (next) => {
        labels = next;
        buildMenus();
        refreshStatus();
      },
    },
    // link.open: the core has checked the link (http, https, mailto) before it gets here.
    openExternal: (url) => shell.openExternal(url),
    ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}),
  });

  registerContractHandlers(ipcMain, core.handlers, () => mainWindow);
  forwardPushEvents(core, (channel, payload) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(channel, payload);
  });

  // Tray and badge: the unread count follows the core's attention push.
  const icons = trayIcons(rendererDir);
  const tray = new Tray(icons.normal);
  tray.on('click', showWindow);
  const quit = () => {
    quitting = true;
    app.quit();
  };
  // The tray's Status submenu mirrors the agent's availability as the team sync reports it and
  // sets it through the same outbox path as the window's selector.
  let status: TrayStatus<AgentStatus> | null = null;
  let statusShown = '';
  const setStatus = (next: AgentStatus) => {
    core.handlers['agent.setStatus']({ status: next }).catch((error: unknown) =>
      log.warn('Could not change the status from the tray.', { error: String(error) }),
    );
  };
  const refreshStatus = singleFlight(async () => {
    const session = await core.handlers['session.get']({});
    const team = session ? await core.handlers['team.get']({}) : null;
    status = trayStatusOf(team, session?.agent.id ?? null, labels, setStatus);
    // Rebuilding a native menu on every change notice would be wasted work; only a new status or
    // new labels change what the tray shows.
    const shown = JSON.stringify(status && [status.current, status.choices]);
    if (shown !== statusShown) {
      statusShown = shown;
      buildMenus();
    }
  }, (error) => log.warn('Could not read the agent status for the tray.', { error: String(error) }));
  const buildMenus = () => {
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({ labels, isMac: process.platform === 'darwin', isDev: !app.isPackaged, run: (id) => sendToWindow('command', { id }) }),
      ),
    );
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate({ labels, open: showWindow, quit, status })));
    tray.setToolTip(trayTooltip(PRODUCT_NAME, unread, labels));
  };
  buildMenus();
  core.on('session', refreshStatus);
  core.on('changed', (notice) => {
    if (notice.team) refreshStatus();
  });
  core.on('attention', (attention) => {
    unread = attention.unread;
    app.setBadgeCount(unread);
    tray.setImage(unread > 0 ? icons.unread : icons.normal);
    tray.setToolTip(trayTooltip(PRODUCT_NAME, unread, labels));
    if (process.platform === 'win32' && mainWindow && !mainWindow.isDestroyed()) {
      mainWindow.setOverlayIcon(unread > 0 ? icons.overlay : null, trayTooltip(PRODUCT_NAME, unread, labels));
    }
  });

  await core.start();
  openLink = (id) => {
    showWindow();
    core.navigate(id);
  };
  if (pendingLink !== null) core.navigate(pendingLink);

  app.on('second-instance', (_event, argv) => {
    showWindow();
    const id = deepLinkFromArgv(argv);
    if (id !== null) core.navigate(id);
  });

  function openWindow(show: boolean): void {
    const window = createMainWindow({
      preload,
      dark: nativeTheme.shouldUseDarkColors,
      title: PRODUCT_NAME,
      state: loadWindowState(windowStateFile),
      workAreas: screen.getAllDisplays().map((display) => display.workArea),
      show,
    });
    mainWindow = window;
    // With a tray icon, closing the window hides it: agents keep the app running all week and
    // must still hear about new conversations. Quit is in the tray and app menus.
    window.on('close', (event) => {
      saveWindowState(windowStateFile, window, log);
      if (!quitting) {
        event.preventDefault();
        window.hide();
      }
    });
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
  }
  openWindow(!startHidden);

  app.on('activate', showWindow);
  app.on('before-quit', () => {
    quitting = true;
  });

  startUpdates({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, env: process.env, log });

  // Quit waits for the core to close its database and sockets.
  let stopped = false;
  app.on('will-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    tray.destroy();
    core
      .stop()
      .catch((error: unknown) => log.error('The core did not stop cleanly.', { error: String(error) }))
      .finally(() => {
        stopped = true;
        app.quit();
      });
  });
}

/** Tray and overlay images, shipped with the renderer (renderer/public/tray, `npm run icon`). */
function trayIcons(rendererDir: string) {
  const load = (name: string) => {
    const file = path.join(rendererDir, 'tray', name);
    return existsSync(file) ? nativeImage.createFromBuffer(readFileSync(file)) : nativeImage.createEmpty();
  };
  return { normal: load('tray.png'), unread: load('tray-unread.png'), overlay: load('overlay.png') };
}
