// Time-based change-log retention: periodically raises each tenant's floor past events older
// than the retention window. Count-based retention happens in the write path (writer.ts).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { lastSeqBefore, raiseLogFloor } from './changeLog';
import type { Writer } from './writer';

export async function pruneOlderThan(db: Kysely<DB>, writer: Writer, cutoff: number): Promise<void> {
  const tenants = await db.selectFrom('tenants').select('id').execute();
  for (const { id } of tenants) {
    await writer.run(id, async ({ trx }) => {
      const seq = await lastSeqBefore(trx, id, cutoff);
      if (seq !== null) await raiseLogFloor(trx, id, seq);
    });
  }
}

export function startRetention(options: {
  db: Kysely<DB>;
  writer: Writer;
  retainMs: number;
  now: () => number;
  onError: (error: unknown) => void;
}): { stop(): Promise<void> } {
  const intervalMs = Math.min(60_000, Math.max(50, Math.floor(options.retainMs / 4)));
  let running: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    running = pruneOlderThan(options.db, options.writer, options.now() - options.retainMs).catch(options.onError);
  }, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
