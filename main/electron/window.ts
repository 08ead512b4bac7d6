// The main window. The renderer runs isolated and sandboxed with no Node access; it reaches the
// core only through the preload's contract functions.
import { BrowserWindow, nativeTheme } from 'electron';
import { APP_START_URL } from './appOrigin';

export function createMainWindow(preload: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Agent Desk',
    // Matches the renderer's background so the window does not flash white in dark mode.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#111418' : '#ffffff',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_START_URL);
  return window;
}

/** Brings an existing window to the front, e.g. when the agent starts the app a second time. */
export function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
