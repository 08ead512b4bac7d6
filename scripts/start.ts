// `npm start`: build what is out of date, start the embedded demo backend (seeded on first run,
// with simulated customers), then open the desktop app, or host mode in the browser when asked
// (`--host`, i.e. `npm run start:host`) or when the Electron runtime is not installed.
// Ctrl+C stops every process it started.
import path from 'node:path';
import { z } from 'zod';
import { DEMO_AGENTS, DEMO_PASSWORD } from '../shared/demo';
import { type PortalDemoLink, portalDemoLinkSchema } from '../shared/portal';
import { buildAll } from './lib/build';
import { NATIVE_BINDING_ENV, SERVER_URL_ENV } from '../main/electron/launchConfig';
import {
  electronVersion,
  ensureElectronSqlite,
  findElectronBinary,
} from './lib/electronRuntime';
import { ROOT, fromRoot } from './lib/paths';
import { firstFreePort } from './lib/ports';
import { runToCompletion, spawnUntilReady, stopAll } from './lib/processes';

const say = (line = '') => console.log(line);
const LOG_DIR = fromRoot('.data', 'logs');
/** The demo backend's preferred port; the next free one is used when it is taken. */
const DEMO_BACKEND_PORT = 4780;
const NODE_WITH_TSX = [process.execPath, '--import', 'tsx'] as const;

let shuttingDown = false;
async function shutdown(code: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    await stopAll();
  }
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

/** Demo customers whose portal sign-in links are printed. */
const PORTAL_DEMO_CUSTOMERS = 3;

async function startBackend(): Promise<{ url: string; portalLinks: PortalDemoLink[] }> {
  const port = await firstFreePort(DEMO_BACKEND_PORT);
  const [node, ...nodeArgs] = NODE_WITH_TSX;
  const { value: url, line } = await spawnUntilReady(
    node,
    [
      ...nodeArgs, 'server/main.ts', '--port', String(port), '--data-dir', fromRoot('.data', 'server'), '--seed', 'demo', '--simulate',
      '--portal-links', String(PORTAL_DEMO_CUSTOMERS),
    ],
    { name: 'The demo backend', readyKey: 'listening', logFile: path.join(LOG_DIR, 'server.log'), cwd: ROOT },
  );
  const links = z.array(portalDemoLinkSchema).safeParse(line.portalLinks);
  return { url, portalLinks: links.success ? links.data : [] };
}

function printDemo(serverUrl: string, portalLinks: PortalDemoLink[]): void {
  say(`Demo backend: ${serverUrl} (simulated customers write in every few seconds).`);
  say(`Demo logins, password "${DEMO_PASSWORD}":`);
  for (const agent of DEMO_AGENTS) say(`  ${agent.email.padEnd(18)} ${agent.name}`);
  if (portalLinks.length > 0) {
    say('Customer portal, signed in as a demo customer (links valid for 7 days):');
    for (const link of portalLinks) say(`  ${link.name} (${link.about}):\n    ${link.url}`);
  }
  say(`Logs: ${path.relative(process.cwd(), LOG_DIR) || '.'}${path.sep}`);
  say();
}

async function runHost(serverUrl: string): Promise<void> {
  const [node, ...nodeArgs] = NODE_WITH_TSX;
  const { child, value: url } = await spawnUntilReady(
    node,
    [...nodeArgs, 'main/host/main.ts', '--data-dir', fromRoot('.data', 'desktop'), '--server-url', serverUrl, '--port', '0'],
    { name: 'Host mode', readyKey: 'host', logFile: path.join(LOG_DIR, 'host.log'), cwd: ROOT },
  );
  say(`Agent Desk (host mode): ${url}`);
  say('Press Ctrl+C to stop.');
  child.on('exit', (code) => {
    if (!shuttingDown) {
      console.error(`Host mode stopped unexpectedly (code ${code}); see ${path.join(LOG_DIR, 'host.log')}.`);
      void shutdown(1);
    }
  });
}

async function runElectron(binary: string, serverUrl: string, binding: string): Promise<void> {
  say('Opening Agent Desk. Close the window or press Ctrl+C to stop.');
  const env: NodeJS.ProcessEnv = { ...process.env, [SERVER_URL_ENV]: serverUrl, [NATIVE_BINDING_ENV]: binding };
  // Set in some shells and CI images; it would make the binary behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  try {
    await runToCompletion(binary, ['.'], { cwd: ROOT, env });
  } catch (error) {
    if (!shuttingDown) throw error;
  }
  await shutdown(0);
}

async function main(): Promise<void> {
  const wantHost = process.argv.includes('--host');
  await buildAll({ force: false, log: say });
  const { url: serverUrl, portalLinks } = await startBackend();
  printDemo(serverUrl, portalLinks);
  if (wantHost) return runHost(serverUrl);

  const binary = findElectronBinary();
  if (binary === null) {
    say(
      'The Electron runtime is not installed on this machine (it downloads during `npm install` when a network is available), so Agent Desk is running in host mode: open the address below in your browser.',
    );
    return runHost(serverUrl);
  }
  let binding: string;
  try {
    binding = await ensureElectronSqlite(electronVersion(), say);
  } catch (error) {
    say(
      `better-sqlite3 could not be built for Electron (${error instanceof Error ? error.message : String(error)}), so Agent Desk is running in host mode: open the address below in your browser.`,
    );
    return runHost(serverUrl);
  }
  return runElectron(binary, serverUrl, binding);
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  await shutdown(1);
});
