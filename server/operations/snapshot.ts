// sync.snapshot: paged bootstrap of open and recent conversations.
import type { Kysely } from 'kysely';
import type { SocketRequest, SocketResponse } from '../../shared/protocol';
import type { DB } from '../db/schema';
import { ProtocolFailure } from '../errors';
import { listCannedFor } from '../store/canned';
import { getContacts } from '../store/contacts';
import { OPEN_STATUSES } from '../store/conversations';
import { listAgents, listQueues, type Session } from '../store/directory';
import { latestMessages } from '../store/messages';
import { readStates } from '../store/reads';
import { toConversation } from '../store/rows';
import { readLogBounds } from '../sync/seq';
import { pinnedBy } from '../workflow/operations';
import type { WorkflowSettings } from '../../shared/domain';
import { decodeCursor, encodeCursor, type SnapshotCursor } from './snapshotCursor';

const DAY_MS = 24 * 60 * 60 * 1000;

function windowed(db: Kysely<DB>, tenantId: string, since: number) {
  return db
    .selectFrom('conversations')
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('status', 'in', OPEN_STATUSES), eb('last_message_at', '>=', since)]));
}

export async function snapshot(
  db: Kysely<DB>,
  { tenantId, agentId }: Session,
  request: Required<SocketRequest<'sync.snapshot'>>,
  now: number,
  workflow: WorkflowSettings,
): Promise<SocketResponse<'sync.snapshot'>> {
  let start: Omit<SnapshotCursor, 'afterId'> & { afterId: string | null };
  if (request.cursor === null) {
    // Head first: every row read afterwards is at least as new as atSeq.
    const { head } = await readLogBounds(db, tenantId);
    const since = now - request.windowDays * DAY_MS;
    const counted = await windowed(db, tenantId, since)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    start = { v: 1, atSeq: head, since, total: Number(counted.n), afterId: null };
  } else {
    const decoded = decodeCursor(request.cursor);
    if (!decoded) throw new ProtocolFailure('invalid', 'cursor: not a cursor returned by sync.snapshot.');
    start = decoded;
  }

  // Keyset on the immutable id: rows changing while the client pages can neither move into an
  // already returned page nor shift one out of the next.
  let query = windowed(db, tenantId, start.since).selectAll().orderBy('id', 'desc').limit(request.limit + 1);
  if (start.afterId !== null) query = query.where('id', '<', start.afterId);
  const rows = await query.execute();
  const page = rows.slice(0, request.limit).map(toConversation);
  const ids = page.map((c) => c.id);
  const last = page.at(-1);

  const [contacts, messages, reads, agents, queues, canned, pins] = await Promise.all([
    getContacts(db, tenantId, page.map((c) => c.contactId)),
    latestMessages(db, tenantId, ids, request.messagesPerConversation),
    readStates(db, tenantId, agentId, ids),
    listAgents(db, tenantId),
    listQueues(db, tenantId),
    listCannedFor(db, tenantId, agentId),
    pinnedBy(db, agentId),
  ]);
  return {
    atSeq: start.atSeq,
    agents,
    queues,
    workflow: { closureReasons: workflow.closureReasons, tags: workflow.tags },
    pins,
    conversations: page,
    contacts,
    messages,
    reads,
    canned,
    totalConversations: start.total,
    nextCursor:
      rows.length > request.limit && last
        ? encodeCursor({ v: 1, atSeq: start.atSeq, since: start.since, total: start.total, afterId: last.id })
        : null,
  };
}
