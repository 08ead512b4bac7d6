// The main window: created from the pure options (windowOptions.ts) at the remembered bounds
// (windowState.ts), and its bounds saved when it closes.
import { readFileSync, writeFileSync } from 'node:fs';
import { BrowserWindow } from 'electron';
import type { Logger } from '../core/ports';
import { APP_START_URL } from './appOrigin';
import { mainWindowOptions } from './windowOptions';
import { initialBounds, parseWindowState, type Bounds, type WindowState } from './windowState';

export function loadWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

export function saveWindowState(file: string, window: BrowserWindow, log: Logger): void {
  const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
  try {
    writeFileSync(file, JSON.stringify(state));
  } catch (error) {
    log.warn('Window position not saved.', { error: String(error) });
  }
}

export function createMainWindow(options: {
  preload: string;
  dark: boolean;
  title: string;
  state: WindowState | null;
  workAreas: readonly Bounds[];
  show: boolean;
}): BrowserWindow {
  const windowOptions = mainWindowOptions({
    preload: options.preload,
    dark: options.dark,
    title: options.title,
    bounds: initialBounds(options.state, options.workAreas),
  });
  // The decisive flags are restated where the window is made, so that a reader (or a static
  // scanner) sees them here; windowOptions.test.ts holds the complete set.
  const window = new BrowserWindow({
    ...windowOptions,
    webPreferences: { ...windowOptions.webPreferences, contextIsolation: true, sandbox: true, nodeIntegration: false },
  });
  if (options.state?.maximized) window.maximize();
  if (options.show) window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_START_URL);
  return window;
}

/** Brings the window to the front, e.g. when the agent starts the app a second time. */
export function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
