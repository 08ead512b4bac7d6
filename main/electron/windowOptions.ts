// The main window's options, decided here as plain data so a unit test can hold every security
// setting in place: the renderer runs isolated and sandboxed with no Node access, reaches the core
// only through the preload's contract functions, and spell-checks what the agent types.
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';

export const MIN_WIDTH = 900;
export const MIN_HEIGHT = 560;
export const DEFAULT_SIZE = { width: 1280, height: 820 };

export function mainWindowOptions(options: {
  preload: string;
  dark: boolean;
  bounds: Partial<Rectangle>;
  title: string;
}): BrowserWindowConstructorOptions {
  return {
    ...DEFAULT_SIZE,
    ...options.bounds,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    title: options.title,
    // Matches the renderer's background so the window does not flash white in dark mode.
    backgroundColor: options.dark ? '#111418' : '#ffffff',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // A middle click must not open a link in a new Electron window.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  };
}
