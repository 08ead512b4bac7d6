// Inactivity timers: queued conversations whose customer went quiet before anyone accepted become
// abandoned; conversations where the agent spoke last and the customer stayed silent get resolved.
// A periodic sweep per tenant, one transaction each, also routes anything still waiting.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { toConversation } from '../store/rows';
import type { Writer } from '../sync/writer';
import { appendLine, requireTransition, routeWaiting } from './changes';
import { AUTO_RESOLVE_REASON, type WorkflowConfig } from './settings';
import { systemLine } from './systemLines';

/** Conversations closed per tenant per sweep; the next sweep continues. */
const SWEEP_BATCH = 200;

export async function sweepTenant(
  deps: { writer: Writer; newId: () => string; workflow: WorkflowConfig },
  tenantId: string,
): Promise<{ abandoned: number; resolved: number }> {
  const { workflow } = deps;
  return deps.writer.run(tenantId, async (ctx) => {
    const { trx, now } = ctx;
    const quietQueued = await trx
      .selectFrom('conversations')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('status', '=', 'queued')
      .where((eb) => eb(eb.fn.coalesce('last_inbound_at', 'created_at'), '<', now - workflow.abandonMs))
      .orderBy('created_at')
      .orderBy('id')
      .limit(SWEEP_BATCH)
      .execute();
    for (const row of quietQueued) {
      const c = toConversation(row);
      await appendLine(ctx, tenantId, { ...c, status: requireTransition(c, 'abandon') }, systemLine('abandoned'), deps.newId);
    }
    // Only where the agent spoke last: a conversation waiting for our reply is never auto-closed.
    const quietOpen = await trx
      .selectFrom('conversations')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('status', 'in', ['active', 'pending'])
      .where('waiting_since', 'is', null)
      .where('last_message_at', '<', now - workflow.autoResolveMs)
      .orderBy('last_message_at')
      .orderBy('id')
      .limit(SWEEP_BATCH)
      .execute();
    for (const row of quietOpen) {
      const c = toConversation(row);
      await appendLine(
        ctx,
        tenantId,
        { ...c, status: requireTransition(c, 'autoResolve'), closureReason: AUTO_RESOLVE_REASON },
        systemLine('autoResolved'),
        deps.newId,
      );
    }
    await routeWaiting(ctx, tenantId, deps.newId);
    return { abandoned: quietQueued.length, resolved: quietOpen.length };
  });
}

export function startWorkflowTimers(options: {
  db: Kysely<DB>;
  writer: Writer;
  newId: () => string;
  workflow: WorkflowConfig;
  onError: (error: unknown) => void;
}): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  const sweep = async () => {
    const tenants = await options.db.selectFrom('tenants').select('id').execute();
    for (const { id } of tenants) await sweepTenant(options, id);
  };
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    running = sweep()
      .catch(options.onError)
      .finally(() => {
        busy = false;
      });
  }, options.workflow.sweepMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
