// Mutations keyed by a client-generated id: the first result is stored in the same transaction as
// the change, and every repeat gets exactly that result back.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { ProtocolFailure } from '../errors';
import { findResult } from '../store/idempotency';

/** The stored result of an earlier call with this client id, or null for a first call. */
export async function priorResult<T>(
  db: Kysely<DB>,
  tenantId: string,
  clientId: string,
  operation: string,
): Promise<T | null> {
  const stored = await findResult(db, tenantId, clientId);
  if (!stored) return null;
  if (stored.operation !== operation) {
    throw new ProtocolFailure('conflict', `clientId ${clientId} was already used for ${stored.operation}.`);
  }
  return stored.result as T;
}
