// Finding the Electron runtime and a better-sqlite3 build for its ABI. The npm package `electron`
// exports the path of a binary it downloads at install time; without network (or with
// ELECTRON_SKIP_BINARY_DOWNLOAD) that path is missing and the app runs in host mode instead.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { runToCompletion } from './processes';
import { ROOT, fromRoot } from './paths';

const require = createRequire(path.join(ROOT, 'package.json'));


/** The Electron executable, or null when the runtime is not installed. */
export function findElectronBinary(): string | null {
  try {
    const binary: unknown = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

export function electronVersion(): string {
  return (JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string }).version;
}

/** node-gyp as installed with the project, or the copy bundled with npm. */
function nodeGypScript(): string {
  try {
    return require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    return path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  }
}

/**
 * Path of a better-sqlite3 binding compiled for this Electron version, building it on first use.
 * The project's own copy stays built for Node, which the tests and host mode use.
 */
export async function ensureElectronSqlite(version: string, log: (line: string) => void): Promise<string> {
  const workDir = fromRoot('.data', 'native', version, 'better-sqlite3');
  const binding = path.join(workDir, 'build', 'Release', 'better_sqlite3.node');
  // Written last, so an interrupted build is redone rather than trusted.
  const done = path.join(workDir, '.built-for-electron');
  if (existsSync(done) && existsSync(binding)) return binding;

  log(`Building better-sqlite3 for Electron ${version} (once; needs a C++ toolchain and the Electron headers)...`);
  mkdirSync(path.dirname(workDir), { recursive: true });
  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  // The Node-ABI build output stays behind: node-gyp produces the Electron one in its place.
  cpSync(source, workDir, { recursive: true, filter: (file) => path.relative(source, file).split(path.sep)[0] !== 'build' });
  await runToCompletion(
    process.execPath,
    [nodeGypScript(), 'rebuild', '--release', '--runtime=electron', `--target=${version}`, '--dist-url=https://electronjs.org/headers'],
    { cwd: workDir, env: { ...process.env, npm_config_runtime: 'electron', npm_config_target: version } },
  );
  writeFileSync(done, `${version}\n`);
  return binding;
}
