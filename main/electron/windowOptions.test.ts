import { describe, expect, it } from 'vitest';
import { MIN_HEIGHT, MIN_WIDTH, mainWindowOptions } from './windowOptions';

describe('mainWindowOptions', () => {
  const options = mainWindowOptions({ preload: '/app/preload.cjs', dark: false, title: 'Agent Desk', bounds: { x: 10, y: 20, width: 1000, height: 700 } });

  it('isolates and sandboxes the renderer with no Node access', () => {
    expect(options.webPreferences).toEqual({
      preload: '/app/preload.cjs',
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
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    });
  });

  it('opens hidden at the given bounds, never smaller than usable', () => {
    expect(options).toMatchObject({ x: 10, y: 20, width: 1000, height: 700, minWidth: MIN_WIDTH, minHeight: MIN_HEIGHT, show: false });
    expect(mainWindowOptions({ preload: 'p', dark: true, title: 't', bounds: {} }).backgroundColor).toBe('#111418');
  });
});
