// Command-line flags of the host entry point.
import { parseArgs } from 'node:util';

export interface HostArgs {
  dataDir: string;
  port: number;
  serverUrl: string;
  rendererDir: string;
}

export const HOST_USAGE =
  'Usage: main/host/main.ts --data-dir DIR --server-url URL [--port N (0 = random)] [--renderer-dir DIR]';

export function parseHostArgs(argv: string[], defaults: { rendererDir: string }): HostArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '0' },
      'server-url': { type: 'string' },
      'renderer-dir': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const dataDir = values['data-dir'];
  const serverUrl = values['server-url'];
  if (!dataDir) throw new Error(`--data-dir is required. ${HOST_USAGE}`);
  if (!serverUrl || !URL.canParse(serverUrl)) throw new Error(`--server-url must be a URL. ${HOST_USAGE}`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535. ${HOST_USAGE}`);
  return { dataDir, port, serverUrl, rendererDir: values['renderer-dir'] ?? defaults.rendererDir };
}
