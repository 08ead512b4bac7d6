// The stored session: which server, which account, and the token. Kept in the SecretStore (the OS
// keychain in the desktop app). The token is dropped when the server refuses it, while the account
// stays, so logging in again as the same agent keeps the cache and the unsent work.
import { parseJsonAs } from '../../../shared/parseJson';
import { z } from 'zod';
import { agentSchema } from '../../../shared/domain';
import type { SecretStore } from '../ports';

const storedSessionSchema = z.object({
  serverUrl: z.string(),
  token: z.string().nullable(),
  agent: agentSchema,
  tenant: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
});
export type StoredSession = z.infer<typeof storedSessionSchema>;

/** Identifies the account a cache or outbox belongs to. */
export const ownerOf = (s: Pick<StoredSession, 'serverUrl' | 'tenant' | 'agent'>) =>
  `${s.serverUrl}|${s.tenant.id}|${s.agent.id}`;

export async function readSession(secrets: SecretStore): Promise<StoredSession | null> {
  const raw = await secrets.read();
  return raw === null ? null : parseJsonAs(storedSessionSchema, raw);
}

export function writeSession(secrets: SecretStore, session: StoredSession): Promise<void> {
  return secrets.write(JSON.stringify(session));
}
