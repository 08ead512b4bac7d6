// Host mode: the core under plain Node, the UI in a browser. Prints exactly one stdout line,
// {"host":"http://127.0.0.1:PORT/?token=..."}, once it accepts connections; SIGTERM or SIGINT
// stops the core (closing its database cleanly) and exits.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core';
import { parseHostArgs } from './args';
import { startHostServer } from './hostServer';
import { createStderrLogger } from './stderrLogger';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const VERSION = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

async function main(): Promise<void> {
  const log = createStderrLogger('host');
  const args = parseHostArgs(process.argv.slice(2), { rendererDir: path.join(PROJECT_ROOT, 'dist', 'renderer') });
  const core = createCore({
    dataDir: path.resolve(args.dataDir),
    mode: 'host',
    version: VERSION,
    defaultServerUrl: args.serverUrl,
    log,
  });
  await core.start();
  const server = await startHostServer({ core, rendererDir: path.resolve(args.rendererDir), port: args.port, log });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('Stopping.', { signal });
    // No new calls reach the core once the server is closed; then the core closes its files.
    server
      .close()
      .then(() => core.stop())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        log.error('Stopping failed.', { error: String(error) });
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  process.stdout.write(`${JSON.stringify({ host: server.url })}\n`);
  log.info('Agent Desk host mode is ready.', { url: server.origin, dataDir: args.dataDir });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
