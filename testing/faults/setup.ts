// The opening most fault tests share: an in-process core logged in as a demo agent and caught up
// with the backend, and the first conversation in that agent's own inbox.
import { DEMO_AGENTS } from '../../shared/demo';
import type { Backend } from '../backend';
import { inProcessClient, login, value, type DeskClient, type InProcessClient } from './clients';
import { settled, type Participant } from './converge';

export async function caughtUpClient(
  backend: Backend,
  options: Omit<Parameters<typeof inProcessClient>[0], 'serverUrl'>,
): Promise<{ client: InProcessClient; me: Participant }> {
  const client = inProcessClient({ ...options, serverUrl: backend.url });
  const me: Participant = { client, token: (await backend.login(DEMO_AGENTS[0].email)).token };
  await client.start();
  await login(client, backend.url, DEMO_AGENTS[0].email);
  await settled(backend.url, [me]);
  return { client, me };
}

/**
 * The agent's newest conversation that takes free text. WhatsApp conversations are skipped: the
 * server refuses free text once the customer's 24-hour window has closed, which would leave the
 * test's messages failed in the outbox instead of delivered.
 */
export async function firstOwnConversation(client: DeskClient): Promise<string> {
  const { rows } = await value(client, 'inbox.list', { view: 'mine', limit: 50 });
  const conversationId = rows.find((r) => r.channel !== 'whatsapp')?.conversationId;
  if (!conversationId) throw new Error('the demo agent has no conversation that takes free text');
  return conversationId;
}
