// The change log: one row per change event, keyed by (tenant, seq).
import type { Kysely, Selectable } from 'kysely';
import type { ChangeEvent } from '../../shared/protocol';
import { compiled } from '../db/compiled';
import type { ChangeLogTable, DB } from '../db/schema';
import { allocateSeq } from './seq';

/** Collects the events of one writing transaction. */
export interface ChangeRecorder {
  /** Allocates the next seq of the tenant; the caller writes its row with it, then records. */
  nextSeq(): Promise<number>;
  /** Allocates the next `count` seqs at once, in order; the caller records every one of them. */
  nextSeqs(count: number): Promise<number[]>;
  record(event: ChangeEvent): Promise<void>;
  readonly events: readonly ChangeEvent[];
}

const insertEvent = compiled((db, row: Selectable<ChangeLogTable>) => db.insertInto('change_log').values(row));

export function createChangeRecorder(trx: Kysely<DB>, tenantId: string, now: number): ChangeRecorder {
  const events: ChangeEvent[] = [];
  return {
    events,
    nextSeq: () => allocateSeq(trx, tenantId),
    async nextSeqs(count) {
      const last = await allocateSeq(trx, tenantId, count);
      return Array.from({ length: count }, (_, i) => last - count + 1 + i);
    },
    async record(event) {
      await insertEvent.run(trx, { tenant_id: tenantId, seq: event.seq, type: event.type, payload: JSON.stringify(event), created_at: now });
      events.push(event);
    },
  };
}

export async function readChanges(db: Kysely<DB>, tenantId: string, after: number, limit: number): Promise<ChangeEvent[]> {
  const rows = await db
    .selectFrom('change_log')
    .select('payload')
    .where('tenant_id', '=', tenantId)
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((r) => JSON.parse(r.payload) as ChangeEvent);
}

/** Drops events with seq <= newFloor and raises the floor; never lowers it. */
export async function raiseLogFloor(trx: Kysely<DB>, tenantId: string, newFloor: number): Promise<void> {
  await trx.deleteFrom('change_log').where('tenant_id', '=', tenantId).where('seq', '<=', newFloor).execute();
  await trx
    .updateTable('tenant_counters')
    .set({ log_floor: newFloor })
    .where('tenant_id', '=', tenantId)
    .where('log_floor', '<', newFloor)
    .execute();
}

/** The highest seq logged before `cutoff` (epoch ms), or null. */
export async function lastSeqBefore(trx: Kysely<DB>, tenantId: string, cutoff: number): Promise<number | null> {
  const row = await trx
    .selectFrom('change_log')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('tenant_id', '=', tenantId)
    .where('created_at', '<', cutoff)
    .executeTakeFirst();
  return row?.seq == null ? null : Number(row.seq);
}
