// Electron entry point (bundled to dist/electron/main.cjs). Glue only: it creates the core with
// OS-backed ports, wires the contract to ipcMain, and manages the window and app lifecycle.
import path from 'node:path';
import { BrowserWindow, app, ipcMain, safeStorage, session, shell } from 'electron';
import { createCore, type Core } from '../core';
import { registerAppScheme, serveRenderer } from './appProtocol';
import { createConsoleLogger } from './consoleLogger';
import { denyPermissions, guardWebContents } from './guards';
import { forwardPushEvents, registerContractHandlers } from './ipc';
import { readLaunchConfig } from './launchConfig';
import { createSafeSecretStore } from './safeSecretStore';
import { createMainWindow, focusWindow } from './window';

const PRODUCT_NAME = 'Agent Desk';
const log = createConsoleLogger('electron');

// The same profile folder in development and in the packaged app (whose package.json carries the
// product name, while the source tree's carries the npm name).
app.setName(PRODUCT_NAME);
app.setPath('userData', path.join(app.getPath('appData'), PRODUCT_NAME));
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the cache; it focuses its window on 'second-instance'.
  app.quit();
} else {
  run().catch((error: unknown) => {
    log.error('Agent Desk failed to start.', { error: error instanceof Error ? error.stack : String(error) });
    app.exit(1);
  });
}

async function run(): Promise<void> {
  let mainWindow: BrowserWindow | null = null;
  const appRoot = app.getAppPath();
  const preload = path.join(appRoot, 'dist', 'electron', 'preload.cjs');

  app.on('second-instance', () => {
    if (mainWindow) focusWindow(mainWindow);
  });
  app.on('web-contents-created', (_event, contents) =>
    guardWebContents(contents, (url) => shell.openExternal(url), (url) =>
      log.warn('Refused to open a link outside the app.', { url: url.slice(0, 200) }),
    ),
  );

  await app.whenReady();
  denyPermissions(session.defaultSession);
  serveRenderer(session.defaultSession.protocol, path.join(appRoot, 'dist', 'renderer'));

  const userData = app.getPath('userData');
  const config = readLaunchConfig(process.env);
  const core: Core = createCore({
    dataDir: userData,
    mode: 'electron',
    version: app.getVersion(),
    defaultServerUrl: config.defaultServerUrl,
    secrets: createSafeSecretStore({
      file: path.join(userData, 'session.bin'),
      encryptor: safeStorage,
      platform: process.platform,
      log,
    }),
    log,
    ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}),
  });

  registerContractHandlers(ipcMain, core.handlers, () => mainWindow);
  forwardPushEvents(core, (channel, payload) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(channel, payload);
  });
  await core.start();

  const openWindow = () => {
    mainWindow = createMainWindow(preload);
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };
  openWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Quit waits for the core to close its database and sockets.
  let stopped = false;
  app.on('will-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    core
      .stop()
      .catch((error: unknown) => log.error('The core did not stop cleanly.', { error: String(error) }))
      .finally(() => {
        stopped = true;
        app.quit();
      });
  });
}
