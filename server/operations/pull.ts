// sync.pull: change events after a cursor.
import type { Kysely } from 'kysely';
import type { SocketResponse } from '../../shared/protocol';
import type { DB } from '../db/schema';
import { readChanges } from '../sync/changeLog';
import type { Session } from '../store/directory';
import { readLogBounds } from '../sync/seq';
import { visibleTo } from './canned';

export async function pull(
  db: Kysely<DB>,
  { tenantId, agentId }: Session,
  request: { after: number; limit: number },
): Promise<SocketResponse<'sync.pull'>> {
  const events = await readChanges(db, tenantId, request.after, request.limit);
  // Read after the events: the floor only rises, so if it is still <= after now, it was when the
  // events were read, and nothing between `after` and them had been pruned.
  const { head, floor } = await readLogBounds(db, tenantId);
  // A cursor beyond head means the client knows a different database (e.g. a reset backend).
  if (request.after < floor || request.after > head) return { mustRefetch: true, head };
  const last = events.at(-1)?.seq ?? request.after;
  return { mustRefetch: false, events: events.map((e) => visibleTo(e, agentId)), head, hasMore: last < head };
}
