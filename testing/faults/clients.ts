// Agent clients for fault tests, behind one interface: an in-process core (fast timings, a tapped
// socket, restartable with stop/start) or a core in host mode as its own process (kill -9-able).
// Both answer IPC calls as Results, exactly as the renderer sees them.
import { DEMO_PASSWORD } from '../../shared/demo';
import type { MethodName, Notice, RequestOf, ResponseOf } from '../../shared/ipc/contract';
import { dispatch } from '../../shared/ipc/dispatch';
import type { Result } from '../../shared/ipc/result';
import { createCore, type Core, type CoreDeps } from '../../main/core';
import { socketIoTransportWith } from '../../main/core/sync/transport';
import { startHost, type Host } from '../host';
import { temporaryDir } from '../lifecycle';
import { tapTransport, type Tap } from './tap';

export interface DeskClient {
  readonly name: string;
  readonly dataDir: string;
  /** False while stopped or killed; calls then fail. */
  readonly running: boolean;
  /** Notices pushed to the agent, across restarts. */
  readonly notices: Notice[];
  call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<Result<ResponseOf<M>>>;
}

/** The value of an ok Result; throws with the method and the error otherwise. */
export async function value<M extends MethodName>(client: DeskClient, method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
  const result = await client.call(method, request);
  if (!result.ok) throw new Error(`${client.name}: ${method} failed: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export async function login(client: DeskClient, serverUrl: string, email: string): Promise<void> {
  await value(client, 'session.login', { serverUrl, email, password: DEMO_PASSWORD });
}

/** A data directory that outlives restarts within a test (that is the point) and goes at exit. */
export function tempDataDir(prefix: string): string {
  return temporaryDir(`desk-faults-${prefix}`);
}

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

export interface InProcessClient extends DeskClient {
  readonly tap: Tap;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A core in this process. Timings are shortened (reconnect, retry) so that recovery takes
 * seconds, and `sync` can shrink pages so that a bootstrap or catch-up lasts long enough to be
 * interrupted. Restarting creates a new core on the same data directory, as an app restart does.
 */
export function inProcessClient(options: {
  name: string;
  serverUrl: string;
  dataDir?: string;
  sync?: Partial<CoreDeps['sync']>;
}): InProcessClient {
  const dataDir = options.dataDir ?? tempDataDir(options.name);
  const { factory, tap } = tapTransport(socketIoTransportWith({ reconnectDelayMaxMs: 300 }));
  const notices: Notice[] = [];
  let core: Core | null = null;
  const client: InProcessClient = {
    name: options.name,
    dataDir,
    tap,
    notices,
    get running() {
      return core !== null;
    },
    async call(method, request) {
      if (!core) throw new Error(`${options.name} is not running`);
      return (await dispatch(core.handlers, method, request)) as Result<ResponseOf<typeof method>>;
    },
    async start() {
      if (core) throw new Error(`${options.name} is already running`);
      const next = createCore({
        dataDir,
        mode: 'host',
        version: '0.0.0-faults',
        defaultServerUrl: options.serverUrl,
        log: silent,
        deps: {
          transport: factory,
          outbox: { ackTimeoutMs: 5_000, backoff: { baseMs: 50, maxMs: 500 } },
          sync: { retry: { baseMs: 50, maxMs: 500 }, ...options.sync },
        },
      });
      next.on('notice', (notice) => notices.push(notice));
      await next.start();
      core = next;
    },
    async stop() {
      const running = core;
      core = null;
      await running?.stop();
    },
  };
  return client;
}

export interface HostClient extends DeskClient {
  readonly host: Host;
}

/** A core in host mode (its own process, default timings), reached over the WebSocket bridge. */
export async function hostClient(options: { name: string; serverUrl: string; dataDir?: string }): Promise<HostClient> {
  const dataDir = options.dataDir ?? tempDataDir(options.name);
  const host = await startHost({ serverUrl: options.serverUrl, dataDir });
  const notices: Notice[] = [];
  host.api.on('notice', (notice) => notices.push(notice));
  return {
    name: options.name,
    dataDir,
    host,
    notices,
    get running() {
      return host.pid !== null;
    },
    call: (method, request) => host.api[method](request as never) as Promise<Result<ResponseOf<typeof method>>>,
  };
}
