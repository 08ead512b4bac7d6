// The per-tenant seq counter. Incrementing the counter row inside the writing transaction is what
// makes seqs gap-free in commit order: the row lock is held until commit, so the next writer of
// the tenant cannot allocate before this one is durable (a database sequence would not wait).
import type { Kysely } from 'kysely';
import { compiled } from '../db/compiled';
import type { DB } from '../db/schema';

const increment = compiled((db, p: { tenantId: string; count: number }) =>
  db
    .updateTable('tenant_counters')
    .set((eb) => ({ last_seq: eb('last_seq', '+', p.count) }))
    .where('tenant_id', '=', p.tenantId)
    .returning('last_seq'),
);

/** Allocates `count` seqs (default one) and returns the last of them. */
export async function allocateSeq(trx: Kysely<DB>, tenantId: string, count = 1): Promise<number> {
  const row = await increment.first(trx, { tenantId, count });
  if (!row) throw new Error(`Tenant ${tenantId} has no seq counter.`);
  return Number(row.last_seq);
}

export interface LogBounds {
  /** The last allocated (and, outside a writing transaction, committed) seq. */
  head: number;
  /** Events with seq > floor are in the change log. */
  floor: number;
}

const bounds = compiled((db, p: { tenantId: string }) =>
  db.selectFrom('tenant_counters').select(['last_seq', 'log_floor']).where('tenant_id', '=', p.tenantId),
);

export async function readLogBounds(db: Kysely<DB>, tenantId: string): Promise<LogBounds> {
  const row = await bounds.first(db, { tenantId });
  if (!row) throw new Error(`Tenant ${tenantId} has no seq counter.`);
  return { head: Number(row.last_seq), floor: Number(row.log_floor) };
}
