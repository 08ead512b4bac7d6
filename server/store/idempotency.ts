// Results of mutations by client id: a retry answers with the stored first result.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

export interface StoredResult {
  operation: string;
  result: unknown;
}

export async function findResult(db: Kysely<DB>, tenantId: string, clientId: string): Promise<StoredResult | null> {
  const row = await db
    .selectFrom('idempotency')
    .select(['operation', 'result'])
    .where('tenant_id', '=', tenantId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return row ? { operation: row.operation, result: JSON.parse(row.result) as unknown } : null;
}

export async function saveResult(
  db: Kysely<DB>,
  entry: { tenantId: string; clientId: string; agentId: string; operation: string; result: unknown; now: number },
): Promise<void> {
  await db
    .insertInto('idempotency')
    .values({
      tenant_id: entry.tenantId,
      client_id: entry.clientId,
      agent_id: entry.agentId,
      operation: entry.operation,
      result: JSON.stringify(entry.result),
      created_at: entry.now,
    })
    .execute();
}
