// "Settled and converged": every client is online with an empty outbox and its cursor at the
// server's head, and its canonical cache dump equals the server's state within its window.
import { connectAgent } from '../backend';
import { diffStates, dumpClientCache, dumpServerState } from './canonical';
import { value, type DeskClient } from './clients';
import { waitFor } from './poll';

export interface Participant {
  client: DeskClient;
  /** A server token of the same agent, for reading the server's state as that agent sees it. */
  token: string;
  /** The snapshot's messages per conversation the client bootstraps with (core default 50). */
  messagesPerConversation?: number;
}

async function serverHead(url: string, token: string): Promise<number> {
  const agent = await connectAgent(url, token);
  try {
    return (await agent.request('sync.pull', { after: 0, limit: 1 })).head;
  } finally {
    agent.close();
  }
}

async function settleState(url: string, p: Participant): Promise<string | null> {
  const [connection, diagnostics, head] = await Promise.all([
    value(p.client, 'connection.get', {}),
    value(p.client, 'diagnostics.get', {}),
    serverHead(url, p.token),
  ]);
  const settled =
    connection.status === 'online' && connection.sync === null && diagnostics.outboxDepth === 0 && diagnostics.localSeq === head;
  if (settled) return null;
  // Entries the server refused stay in the outbox; their errors say why a run never settles.
  const stuck = diagnostics.outboxDepth === 0 ? [] : await value(p.client, 'outbox.list', {});
  return (
    `${p.client.name}: status ${connection.status}, sync ${JSON.stringify(connection.sync)}, lastError ${connection.lastError}, ` +
    `outbox ${diagnostics.outboxDepth}, localSeq ${diagnostics.localSeq}, server head ${head}` +
    stuck.map((e) => `\n  ${e.kind} ${e.state} (${e.attempts} attempts): ${e.error ?? 'no error'}`).join('')
  );
}

/** Waits until every client is online, has sent everything and has applied up to the head. */
export async function settled(url: string, participants: readonly Participant[], timeoutMs = 60_000): Promise<void> {
  let last: string[] = [];
  await waitFor(
    'all clients to settle (online, empty outbox, cursor at the server head)',
    async () => {
      last = (await Promise.all(participants.map((p) => settleState(url, p)))).filter((s): s is string => s !== null);
      return last.length === 0;
    },
    { timeoutMs, intervalMs: 200, describe: () => last.join('\n') },
  );
}

/** The differences between one client's cache and the server, empty when converged. */
export async function differences(url: string, p: Participant): Promise<string[]> {
  const dump = dumpClientCache(p.client.dataDir);
  const server = await dumpServerState(url, p.token, dump.windowFrom, p.messagesPerConversation ?? 50);
  return diffStates(server, dump.state);
}

/**
 * Settles, then waits until every client's dump equals the server's (late carrier receipts may
 * still be landing). Fails with `label` (e.g. the seed) and the remaining differences.
 */
export async function expectConverged(url: string, participants: readonly Participant[], label = '', timeoutMs = 60_000): Promise<void> {
  await settled(url, participants, timeoutMs);
  let last: string[] = [];
  await waitFor(
    `the caches to equal the server's state${label ? ` (${label})` : ''}`,
    async () => {
      last = [];
      for (const p of participants) last.push(...(await differences(url, p)).map((d) => `${p.client.name}: ${d}`));
      return last.length === 0;
    },
    { timeoutMs: 20_000, intervalMs: 250, describe: () => `${label}\n${last.join('\n')}` },
  );
}
