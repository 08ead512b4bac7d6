// Test harness: a core in host mode as its own process (`node --import tsx main/host/main.ts`),
// driven over the real WebSocket bridge. Tests can kill it (-9 included) and restart it on the
// same data directory; `api` keeps working across restarts, push subscriptions included.
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import WebSocket from 'ws';
import { BRIDGE_PATH, BRIDGE_TOKEN_PARAM, connectBridge, type BridgeClient, type WebSocketLike } from '../shared/ipc/bridge';
import { METHOD_NAMES, PUSH_EVENT_NAMES, type DeskApi, type PushEventName } from '../shared/ipc/contract';
import { spawnUntilReady, stopChild } from '../scripts/lib/processes';
import { ROOT, removeTemporaryDir, temporaryDir } from './lifecycle';

const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;

export interface StartHostOptions {
  serverUrl: string;
  /** Reused across restarts. A temporary directory (removed by stop()) when omitted. */
  dataDir?: string;
  /** Defaults to the built renderer in dist/renderer. */
  rendererDir?: string;
  /** Where the host's log (stderr) goes; by default only its last lines are kept, for errors. */
  logFile?: string;
  /**
   * A bundle of main/host/main.ts to run with plain node instead of the sources under tsx: the
   * same code, started without compiling it first (the benchmarks use this).
   */
  script?: string;
}

export interface Host {
  /** The page URL with the token; changes on restart (new port and token). */
  readonly url: string;
  readonly token: string;
  readonly dataDir: string;
  /** The host process id, or null while it is not running. */
  readonly pid: number | null;
  /** The contract over the bridge; stays valid across restarts. */
  readonly api: DeskApi;
  /** Sends `signal` (SIGKILL by default) and waits for the process to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Stops the process if it is running and starts a new one on the same data directory. */
  restart(): Promise<void>;
  /** Graceful stop (SIGTERM, then SIGKILL after a grace period); removes a temporary data dir. */
  stop(): Promise<void>;
}

interface Running {
  child: ChildProcess;
  url: string;
  token: string;
  client: BridgeClient;
}

async function launch(options: { serverUrl: string; dataDir: string; rendererDir: string; logFile?: string; script?: string }): Promise<Running> {
  const { child, value: url } = await spawnUntilReady(
    process.execPath,
    [
      ...(options.script === undefined ? ['--import', 'tsx', 'main/host/main.ts'] : [options.script]),
      '--data-dir',
      options.dataDir,
      '--server-url',
      options.serverUrl,
      '--renderer-dir',
      options.rendererDir,
      '--port',
      '0',
    ],
    { name: 'The host process', readyKey: 'host', cwd: ROOT, timeoutMs: READY_TIMEOUT_MS, logFile: options.logFile },
  );

  const page = new URL(url);
  const token = page.searchParams.get(BRIDGE_TOKEN_PARAM) ?? '';
  const bridgeUrl = `ws://${page.host}${BRIDGE_PATH}?${BRIDGE_TOKEN_PARAM}=${encodeURIComponent(token)}`;
  const client = connectBridge(bridgeUrl, (target) => new WebSocket(target, { origin: page.origin }) as unknown as WebSocketLike);
  await client.ready;
  return { child, url, token, client };
}

export async function startHost(options: StartHostOptions): Promise<Host> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? temporaryDir('desk-host');
  const rendererDir = options.rendererDir ?? path.join(ROOT, 'dist', 'renderer');
  const launchOptions = { serverUrl: options.serverUrl, dataDir, rendererDir, logFile: options.logFile, script: options.script };
  const subscriptions = new Map<PushEventName, Set<(payload: unknown) => void>>();

  let current: Running | null = null;
  // Each process's bridge feeds the same listener sets, so subscriptions outlive restarts.
  const attach = (running: Running) => {
    for (const event of PUSH_EVENT_NAMES) {
      running.client.api.on(event, (payload) => {
        for (const listener of subscriptions.get(event) ?? []) listener(payload);
      });
    }
  };
  const requireRunning = (): Running => {
    if (current === null) throw new Error('The host process is not running; restart() it first.');
    return current;
  };

  const methods = Object.fromEntries(
    METHOD_NAMES.map((method) => [method, (request: never) => requireRunning().client.api[method](request)]),
  );
  const api = {
    ...methods,
    on(event: PushEventName, listener: (payload: unknown) => void) {
      if (!PUSH_EVENT_NAMES.includes(event)) throw new Error(`Unknown push event: ${event}`);
      const listeners = subscriptions.get(event) ?? new Set();
      subscriptions.set(event, listeners);
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  } as unknown as DeskApi;

  const halt = async (signal: NodeJS.Signals) => {
    const running = current;
    if (running === null) return;
    current = null;
    running.client.close();
    await stopChild(running.child, { signal, graceMs: STOP_GRACE_MS });
  };

  current = await launch(launchOptions);
  attach(current);

  return {
    get url() {
      return requireRunning().url;
    },
    get token() {
      return requireRunning().token;
    },
    get pid() {
      return current?.child.pid ?? null;
    },
    dataDir,
    api,
    kill: (signal = 'SIGKILL') => halt(signal),
    async restart() {
      await halt('SIGTERM');
      current = await launch(launchOptions);
      attach(current);
    },
    async stop() {
      await halt('SIGTERM');
      if (ownsDataDir) removeTemporaryDir(dataDir);
    },
  };
}
