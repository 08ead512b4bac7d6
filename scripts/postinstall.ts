// Runs after `npm install` / `npm ci`: when the Electron runtime is installed, builds
// better-sqlite3 for Electron's ABI (into .data/native/<version>/, beside the Node build that the
// tests and host mode use), so `npm start` opens the desktop app without a first-run build. When
// the runtime is absent (ELECTRON_SKIP_BINARY_DOWNLOAD, no network) it says so in one sentence
// and succeeds: CI and host mode need nothing more.
import { electronVersion, ensureElectronSqlite, findElectronBinary } from './lib/electronRuntime';

async function main(): Promise<void> {
  if (findElectronBinary() === null) {
    console.log('Electron runtime not installed: skipping the native module rebuild for Electron (host mode and tests use the Node build).');
    return;
  }
  const version = electronVersion();
  try {
    await ensureElectronSqlite(version, (line) => console.log(line));
    console.log(`better-sqlite3 is built for Electron ${version}.`);
  } catch (error) {
    // Never fail the install: `npm start` retries the build and falls back to host mode.
    console.log(`Could not build better-sqlite3 for Electron ${version} now (${error instanceof Error ? error.message : String(error)}); npm start will try again.`);
  }
}

void main();
