// Auto-update through electron-updater, only when updatePolicy says so (a packaged build whose
// electron-builder.yml names a real feed). Checks at start and every few hours; a downloaded update
// installs when the app quits, with the OS notification electron-updater shows.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../core/ports';
import { feedUrlOf, updatesEnabled } from './updatePolicy';

const CHECK_EVERY_MS = 4 * 60 * 60 * 1_000;

function readFeedUrl(resourcesPath: string): string | null {
  try {
    return feedUrlOf(readFileSync(path.join(resourcesPath, 'app-update.yml'), 'utf8'));
  } catch {
    return null;
  }
}

export function startUpdates(facts: { isPackaged: boolean; resourcesPath: string; env: Record<string, string | undefined>; log: Logger }): void {
  const feedUrl = facts.isPackaged ? readFeedUrl(facts.resourcesPath) : null;
  if (!updatesEnabled({ isPackaged: facts.isPackaged, feedUrl, env: facts.env })) {
    facts.log.info('Auto-update is off (no update feed configured).');
    return;
  }
  // Loaded only when used: development runs and unconfigured builds never touch it.
  void import('electron-updater')
    .then(({ autoUpdater }) => {
      autoUpdater.logger = null;
      const check = () =>
        autoUpdater.checkForUpdatesAndNotify().catch((error: unknown) => facts.log.warn('Update check failed.', { error: String(error) }));
      void check();
      setInterval(() => void check(), CHECK_EVERY_MS).unref();
    })
    .catch((error: unknown) => facts.log.warn('The updater could not be loaded.', { error: String(error) }));
}
