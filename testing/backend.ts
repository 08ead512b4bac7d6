// Test harness: the messaging backend as its own process (`node --import tsx server/main.ts`),
// reached only over HTTP and socket.io, never imported. Tests can stop it, kill -9 it and restart
// it on the same data directory and port.
import type { ChildProcess } from 'node:child_process';
import { io, type Socket } from 'socket.io-client';
import { DEMO_AGENTS, DEMO_PASSWORD, DEMO_TENANT, DEMO_WEBHOOK_SECRET } from '../shared/demo';
import type { Channel, Message } from '../shared/domain';
import {
  type ChangeEvent,
  HTTP,
  type LoginResponse,
  type SocketRequest,
  type SocketRequestName,
  type SocketResponse,
  socketRequests,
  WEBHOOK_SECRET_HEADER,
} from '../shared/protocol';
import { z } from 'zod';
import { type PortalDemoLink, portalDemoLinkSchema } from '../shared/portal';
import { spawnUntilReady, stopChild } from '../scripts/lib/processes';
import { ROOT, temporaryDir } from './lifecycle';

const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;
/** Environment variables the server reads as flag fallbacks; the harness passes flags instead. */
const SERVER_ENV = [
  'PORT', 'DATA_DIR', 'SEED', 'SIMULATE', 'CARRIER_DELAY_SCALE', 'RETAIN_EVENTS', 'RETAIN_MS', 'EXIT_ON_STDIN_END', 'DATABASE_URL', 'PORTAL_DIR', 'PORTAL_LINKS', 'OUTBOUND_LOG',
  'CLOSURE_REASONS', 'TAGS', 'AUTO_RESOLVE_MS', 'ABANDON_MS', 'WORKFLOW_SWEEP_MS',
];

export interface StartBackendOptions {
  /** Default 'demo'. Applies only when the data directory holds no database yet. */
  seed?: 'demo' | 'minimal' | 'none';
  /** Run the customer simulator. Default false, so the data holds still. */
  simulate?: boolean;
  /** Reused across restarts and kept. A temporary directory when omitted. */
  dataDir?: string;
  /** Default 0 (a random free port); restarts keep the port first bound. */
  port?: number;
  /** Multiplies the simulated carriers' receipt delays. Default 1. */
  carrierDelayScale?: number;
  /** Record every envelope handed to a carrier adapter in this file (JSON lines). */
  outboundLog?: string;
  retainEvents?: number;
  retainMs?: number;
  /** Demo customers to get portal sign-in links for (`backend.portalLinks`). Default 0. */
  portalLinks?: number;
  /** Where the built portal pages are; default the server's own (dist/portal). */
  portalDir?: string;
  /** More server flags, e.g. short workflow timers: ['--abandon-ms', '500']. */
  extraArgs?: string[];
  /**
   * A bundle of server/main.ts to run with plain node instead of the sources under tsx: the same
   * code, started without compiling it first (the benchmarks use this).
   */
  script?: string;
}

export interface WebhookAnswer {
  status: number;
  json: unknown;
}

export interface Backend {
  /** http://127.0.0.1:PORT; the same across restarts. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** The demo tenant's slug, used in webhook paths. */
  readonly tenant: string;
  readonly webhookSecret: string;
  /** Portal sign-in links of demo customers, as many as `portalLinks` asked for (first start only). */
  readonly portalLinks: PortalDemoLink[];
  /** The backend process id, or null while it is not running. */
  readonly pid: number | null;
  /** POSTs a carrier webhook for the demo tenant. `secret` overrides the header value. */
  webhook(channel: Channel | string, body: unknown, options?: { secret?: string; tenant?: string }): Promise<WebhookAnswer>;
  /** Logs in (default: the first demo agent); throws with the HTTP status on failure. */
  login(email?: string, password?: string): Promise<LoginResponse>;
  /** One socket request with acknowledgement on a short-lived connection; throws on an error ack. */
  request<N extends SocketRequestName>(token: string, name: N, payload: SocketRequest<N>): Promise<SocketResponse<N>>;
  /** Every message of a conversation, oldest first, paged through `history.page`. */
  history(token: string, conversationId: string): Promise<Message[]>;
  /** SIGTERM and wait. The data directory stays for restart(); temporary ones go at process exit. */
  stop(): Promise<void>;
  /** SIGKILL and wait. */
  kill(): Promise<void>;
  /** Stops the process if it is running and starts it again on the same data directory and port. */
  restart(): Promise<void>;
}

/** A logged-in agent's socket: acknowledged requests plus every `sync.events` push received. */
export interface AgentSocket {
  readonly socket: Socket;
  /** Pushed events in arrival order. */
  readonly events: ChangeEvent[];
  /** Resolves with the ack value; throws (with `code`) on an error ack. */
  request<N extends SocketRequestName>(name: N, payload: SocketRequest<N>): Promise<SocketResponse<N>>;
  close(): void;
}

/** Connects with `auth.token`; rejects with the server's reason (e.g. 'unauthorized'). */
export function connectAgent(url: string, token: string): Promise<AgentSocket> {
  const socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  const events: ChangeEvent[] = [];
  socket.on('sync.events', (push: { events: ChangeEvent[] }) => events.push(...push.events));
  const agent: AgentSocket = {
    socket,
    events,
    async request(name, payload) {
      const answer = (await socket.timeout(20_000).emitWithAck(name, payload)) as
        | { ok: true; value: unknown }
        | { ok: false; error: { code: string; message: string; reason?: unknown } };
      if (!answer.ok) {
        throw Object.assign(new Error(`${name} failed: ${answer.error.code}: ${answer.error.message}`), { code: answer.error.code, reason: answer.error.reason });
      }
      return socketRequests[name].response.parse(answer.value) as SocketResponse<typeof name>;
    },
    close: () => void socket.disconnect(),
  };
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(agent));
    socket.once('connect_error', (error) => {
      socket.disconnect();
      reject(new Error(error.message));
    });
  });
}

async function launch(args: string[], script: string | undefined): Promise<{ child: ChildProcess; url: string; portalLinks: PortalDemoLink[] }> {
  const env = { ...process.env };
  for (const name of SERVER_ENV) delete env[name];
  const { child, value: url, line } = await spawnUntilReady(
    process.execPath,
    [...(script === undefined ? ['--import', 'tsx', 'server/main.ts'] : [script]), ...args, '--exit-on-stdin-end'],
    // stdin stays open as a lifeline: if this process dies without cleanup, the server sees EOF
    // and shuts itself down.
    { name: 'The backend', readyKey: 'listening', cwd: ROOT, env, stdin: 'pipe', timeoutMs: READY_TIMEOUT_MS },
  );
  return { child, url, portalLinks: z.array(portalDemoLinkSchema).parse(line.portalLinks ?? []) };
}

export async function startBackend(options: StartBackendOptions = {}): Promise<Backend> {
  const dataDir = options.dataDir ?? temporaryDir('agent-desk-backend');
  const argsFor = (port: number) => {
    const args = [
      '--port', String(port),
      '--data-dir', dataDir,
      '--seed', options.seed ?? 'demo',
      `--simulate=${options.simulate ?? false}`,
      '--carrier-delay-scale', String(options.carrierDelayScale ?? 1),
    ];
    if (options.retainEvents !== undefined) args.push('--retain-events', String(options.retainEvents));
    if (options.retainMs !== undefined) args.push('--retain-ms', String(options.retainMs));
    if (options.portalLinks !== undefined) args.push('--portal-links', String(options.portalLinks));
    if (options.portalDir !== undefined) args.push('--portal-dir', options.portalDir);
    if (options.outboundLog !== undefined) args.push('--outbound-log', options.outboundLog);
    args.push(...(options.extraArgs ?? []));
    return args;
  };

  let running: ChildProcess | null = null;
  const first = await launch(argsFor(options.port ?? 0), options.script);
  running = first.child;
  const url = first.url;
  const port = Number(new URL(url).port);

  const backend: Backend = {
    url,
    port,
    dataDir,
    tenant: DEMO_TENANT.slug,
    webhookSecret: DEMO_WEBHOOK_SECRET,
    portalLinks: first.portalLinks,
    get pid() {
      return running?.pid ?? null;
    },

    async webhook(channel, body, webhookOptions = {}) {
      const response = await fetch(`${url}${HTTP.webhook(webhookOptions.tenant ?? DEMO_TENANT.slug, channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [WEBHOOK_SECRET_HEADER]: webhookOptions.secret ?? DEMO_WEBHOOK_SECRET },
        body: JSON.stringify(body),
      });
      return { status: response.status, json: await response.json() };
    },

    async login(email = DEMO_AGENTS[0].email, password = DEMO_PASSWORD) {
      const response = await fetch(`${url}${HTTP.login}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      const json: unknown = await response.json();
      if (!response.ok) throw Object.assign(new Error(`Login failed with ${response.status}: ${JSON.stringify(json)}`), { status: response.status });
      return json as LoginResponse;
    },

    async request(token, name, payload) {
      const agent = await connectAgent(url, token);
      try {
        return await agent.request(name, payload);
      } finally {
        agent.close();
      }
    },

    async history(token, conversationId) {
      const messages: Message[] = [];
      let beforeSeq = Number.MAX_SAFE_INTEGER;
      for (;;) {
        const page = await backend.request(token, 'history.page', { conversationId, beforeSeq, limit: 500 });
        messages.unshift(...page.messages);
        const oldest = page.messages[0];
        if (!page.hasMore || !oldest) return messages;
        beforeSeq = oldest.seq;
      }
    },

    async stop() {
      if (running) await stopChild(running, { graceMs: STOP_GRACE_MS });
      running = null;
    },

    async kill() {
      if (running) await stopChild(running, { signal: 'SIGKILL' });
      running = null;
    },

    async restart() {
      await backend.stop();
      running = (await launch(argsFor(port), options.script)).child;
    },
  };
  return backend;
}
