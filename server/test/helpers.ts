// Shared helpers for the server's integration tests (which talk to real server processes).
import { randomUUID } from 'node:crypto';
import type { ChangeEvent } from '../../shared/protocol';
import type { AgentSocket } from '../../testing/backend';

let counter = 0;
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now()}-${counter}`;
}

/** A phone number no demo contact has (demo numbers are fictional ranges with other lengths). */
export function freshPhone(): string {
  return `+1 888 ${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
}

export const newClientId = (): string => randomUUID();

/** Pulls every event after `after` until hasMore is false. */
export async function pullAll(agent: AgentSocket, after: number, limit = 1_000): Promise<{ events: ChangeEvent[]; head: number }> {
  const events: ChangeEvent[] = [];
  let cursor = after;
  for (;;) {
    const page = await agent.request('sync.pull', { after: cursor, limit });
    if (page.mustRefetch) throw new Error(`mustRefetch after ${cursor} (head ${page.head})`);
    events.push(...page.events);
    cursor = page.events.at(-1)?.seq ?? cursor;
    if (!page.hasMore) return { events, head: page.head };
  }
}

/** The tenant's current head seq, as sync.pull reports it. */
export async function head(agent: AgentSocket): Promise<number> {
  const probe = await agent.request('sync.pull', { after: 0, limit: 1 });
  return probe.head;
}

export async function waitFor<T>(check: () => T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('Timed out waiting for a condition.');
    await new Promise((r) => setTimeout(r, 20));
  }
}
