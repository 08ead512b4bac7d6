// Entry point: `npx tsx server/main.ts [--port 0] [--data-dir dir] [--seed demo|minimal|none]
// [--simulate] [--carrier-delay-scale 1] [--retain-events n] [--retain-ms ms] [--exit-on-stdin-end]
// [--portal-dir dir] [--portal-links n]`.
// Prints one JSON line {"listening": url} on stdout once it accepts connections (with
// `portalLinks`, sign-in links for n demo customers, when asked for).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './app';
import { loadConfig } from './config';
import { createLogger, errorFields } from './log';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = createLogger((line) => process.stderr.write(line));

async function main(): Promise<void> {
  const config = loadConfig(process.argv.slice(2), process.env, path.join(projectRoot, '.data', 'server'), path.join(projectRoot, 'dist', 'portal'));
  const server = await startServer(config, log);
  const portalLinks = config.portalLinks > 0 ? { portalLinks: await server.portalLinks(config.portalLinks) } : {};
  process.stdout.write(`${JSON.stringify({ listening: server.url, ...portalLinks })}\n`);

  let closing: Promise<void> | null = null;
  const shutdown = (reason: string) => {
    closing ??= server.close().then(
      () => {
        log.info('stopped', { reason });
        process.exit(0);
      },
      (error: unknown) => {
        log.error('shutdown failed', errorFields(error));
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  if (config.exitOnStdinEnd) {
    process.stdin.on('end', () => shutdown('stdin closed'));
    process.stdin.on('error', () => shutdown('stdin closed'));
    process.stdin.resume();
  }
}

main().catch((error: unknown) => {
  log.error('server failed to start', errorFields(error));
  process.exit(1);
});
