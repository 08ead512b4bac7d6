// Running the real core over a benchmark cache: the stored session it resumes, and calls through
// the same dispatch (validation + handler) that IPC uses.
import fs from 'node:fs';
import path from 'node:path';
import type { MethodName, RequestOf, ResponseOf, DeskHandlers } from '../../shared/ipc/contract';
import { dispatch } from '../../shared/ipc/dispatch';
import { openDatabase } from '../../main/core/db/open';
import { createCore, fileSecretStore, type Core, type CoreDeps, type Logger } from '../../main/core/index';
import { ownerOf, writeSession, type StoredSession } from '../../main/core/session/sessionStore';
import { Store } from '../../main/core/store';
import type { DatasetPlan } from './dataset';

export const CACHE_FILE = 'cache.sqlite';
export const OUTBOX_FILE = 'outbox.sqlite';

/** Records problems so a benchmark can report them; prints nothing. */
export function recordingLogger(): Logger & { problems: string[] } {
  const problems: string[] = [];
  const keep = (message: string, fields?: Record<string, unknown>) => {
    problems.push(fields ? `${message} ${JSON.stringify(fields)}` : message);
  };
  return { problems, info: () => undefined, warn: keep, error: keep };
}

export function openBenchStore(dataDir: string, log: Logger): Store {
  fs.mkdirSync(dataDir, { recursive: true });
  const cacheFile = path.join(dataDir, CACHE_FILE);
  return new Store(openDatabase({ cacheFile, outboxFile: path.join(dataDir, OUTBOX_FILE) }), cacheFile, log);
}

export function benchSession(plan: DatasetPlan, serverUrl: string): StoredSession {
  return {
    serverUrl,
    token: 'bench-token',
    agent: plan.self,
    tenant: { id: 'bench-tenant', slug: 'acme', name: 'Acme Support' },
  };
}

/** Makes `dataDir` look like an app that was logged in as the dataset's agent and then quit. */
export async function installSession(dataDir: string, session: StoredSession): Promise<void> {
  const store = openBenchStore(dataDir, recordingLogger());
  try {
    store.meta.owner = ownerOf(session);
  } finally {
    store.close();
  }
  await writeSession(fileSecretStore(path.join(dataDir, 'session.json')), session);
}

export function benchCore(dataDir: string, serverUrl: string, log: Logger, deps: Partial<CoreDeps> = {}): Core {
  return createCore({ dataDir, mode: 'host', version: '0.0.0-bench', defaultServerUrl: serverUrl, log, deps });
}

/** One IPC call as the renderer makes it; throws on an error result. */
export async function call<M extends MethodName>(handlers: DeskHandlers, method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
  const result = await dispatch(handlers, method, request);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as ResponseOf<M>;
}
