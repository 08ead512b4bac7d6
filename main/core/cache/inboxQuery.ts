// The inbox query for a view, filter and sort: SQL text plus named parameters. Pure, so the rules
// (what each view holds, how filters combine, how "oldest waiting" orders) are unit-tested apart
// from SQLite. Pinned rows are a small stretch of their own, listed first.
import type { InboxFilter, InboxSort, InboxView } from '../../../shared/ipc/contract';

const OPEN_STATUSES: readonly string[] = ['queued', 'active', 'pending'];
const CLOSED_STATUSES: readonly string[] = ['resolved', 'abandoned'];
const OPEN = `(${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/** What each view holds, and the partial index whose condition matches it exactly. */
export function viewCondition(view: InboxView): { where: string; index: string } {
  switch (view) {
    case 'all':
      return { where: `c.status IN ${OPEN}`, index: 'conversations_open' };
    case 'mine':
      return { where: `c.status IN ${OPEN} AND c.assignee_id = @self`, index: 'conversations_mine' };
    case 'queued':
      return { where: "c.status = 'queued'", index: 'conversations_queued' };
    case 'attention':
      return { where: `c.waiting_since IS NOT NULL AND c.status IN ${OPEN}`, index: 'conversations_attention' };
    case 'pending':
      return { where: "c.status = 'pending'", index: 'conversations_pending' };
    case 'resolved':
      return { where: `c.status IN (${CLOSED_STATUSES.map((s) => `'${s}'`).join(', ')})`, index: 'conversations_closed' };
  }
}

/** One row of the cache's view_tally: conversations with this status, waiting for us or not. */
export interface TallyRow {
  status: string;
  waiting: number;
  n: number;
}

/**
 * A view's size without a filter and how many of it wait for us, summed from the tally; null for
 * Mine, which depends on who asks (and is small enough to count). Must hold what viewCondition
 * holds: a test compares the two over random conversations.
 */
export function viewTotals(view: InboxView, tally: readonly TallyRow[]): { total: number; needAttention: number } | null {
  if (view === 'mine') return null;
  const holds = (status: string, waiting: boolean): boolean => {
    switch (view) {
      case 'all':
        return OPEN_STATUSES.includes(status);
      case 'attention':
        return waiting && OPEN_STATUSES.includes(status);
      case 'resolved':
        return CLOSED_STATUSES.includes(status);
      default:
        return status === view;
    }
  };
  let total = 0;
  let needAttention = 0;
  for (const row of tally) {
    const waiting = row.waiting !== 0;
    if (!holds(row.status, waiting)) continue;
    total += row.n;
    if (waiting && OPEN_STATUSES.includes(row.status)) needAttention += row.n;
  }
  return { total, needAttention };
}

export type SqlParams = Record<string, string | number>;

/** Filter conditions (ANDed) and their parameters. */
export function filterConditions(filter: InboxFilter): { where: string[]; params: SqlParams } {
  const where: string[] = [];
  const params: SqlParams = {};
  const list = (name: string, values: readonly string[]) => {
    values.forEach((v, i) => (params[`${name}${i}`] = v));
    return `(${values.map((_, i) => `@${name}${i}`).join(', ')})`;
  };
  if (filter.channels && filter.channels.length > 0) where.push(`c.channel IN ${list('channel', filter.channels)}`);
  if (filter.statuses && filter.statuses.length > 0) where.push(`c.status IN ${list('status', filter.statuses)}`);
  if (filter.tag !== undefined) {
    where.push('EXISTS (SELECT 1 FROM json_each(c.tags) t WHERE lower(t.value) = lower(@tag))');
    params.tag = filter.tag;
  }
  if (filter.label !== undefined) {
    where.push('EXISTS (SELECT 1 FROM json_each(c.labels) l WHERE l.value = @label)');
    params.label = filter.label;
  }
  if (filter.assigneeId !== undefined) {
    where.push('c.assignee_id = @assignee');
    params.assignee = filter.assigneeId;
  }
  if (filter.queueId !== undefined) {
    where.push('c.queue_id = @queue');
    params.queue = filter.queueId;
  }
  if (filter.from !== undefined) {
    where.push('c.last_message_at >= @from');
    params.from = filter.from;
  }
  if (filter.to !== undefined) {
    where.push('c.last_message_at <= @to');
    params.to = filter.to;
  }
  if (filter.unreadOnly) where.push('EXISTS (SELECT 1 FROM reads r2 WHERE r2.conversation_id = c.id AND r2.unread_count > 0)');
  return { where, params };
}

/** A conversation whose customer waits for our reply (a closed one waits for no one). */
const WAITING = `c.waiting_since IS NOT NULL AND c.status IN ${OPEN}`;

/**
 * One stretch of the order: all of its rows come before the next stretch's, and within it rows
 * are ordered by `keys` then the id, all ascending or all descending. A page is the stretch's
 * rows after one key (and up to another), which SQLite answers as a seek into `from`'s index.
 */
export interface InboxStretch {
  from: string;
  where: string;
  /** The order's key before the id: SQL expressions over `c`, selected as k0, k1, … for the cursor. */
  keys: string[];
  descending: boolean;
  pinned: boolean;
}

export interface InboxSql {
  /**
   * Pinned rows (few: their own stretch, in the sort's order), then the unpinned rows as parts
   * that each walk an index in its own order, so that no page sorts the whole view.
   */
  stretches: InboxStretch[];
  count: string;
  attention: string;
  params: SqlParams;
}

const COLUMNS = `c.id, c.channel, c.status, c.last_message_at, c.preview, c.last_direction, c.waiting_since, c.tags,
  c.labels, c.subject, ct.name AS contact_name, ag.name AS assignee_name, coalesce(r.unread_count, 0) AS unread, d.body AS draft`;
const JOINS = `LEFT JOIN contacts ct ON ct.id = c.contact_id
  LEFT JOIN agents ag ON ag.id = c.assignee_id
  LEFT JOIN reads r ON r.conversation_id = c.id
  LEFT JOIN drafts d ON d.conversation_id = c.id`;
const UNPINNED = 'c.id NOT IN (SELECT conversation_id FROM pins)';

/** Bound parameters of a cursor: @{name}0, @{name}1, … for its key and @{name}Id. */
function boundParams(stretch: InboxStretch, name: string): string {
  return `(${[...stretch.keys.map((_, i) => `@${name}${i}`), `@${name}Id`].join(', ')})`;
}

/**
 * The rows of one stretch in order, at most @limit, with the row-value bounds SQLite seeks by:
 * strictly after the `after` cursor, and not past the `until` cursor. The limit is `+@limit`:
 * SQLite plans with the value bound to a bare LIMIT parameter, so binding it again (every call)
 * expires the statement and each call prepared it anew.
 */
export function stretchPage(stretch: InboxStretch, bounds: { after: boolean; until: boolean }): string {
  const key = [...stretch.keys, 'c.id'];
  const row = `(${key.join(', ')})`;
  const where = [stretch.where];
  if (bounds.after) where.push(`${row} ${stretch.descending ? '<' : '>'} ${boundParams(stretch, 'after')}`);
  if (bounds.until) where.push(`${row} ${stretch.descending ? '>=' : '<='} ${boundParams(stretch, 'until')}`);
  const direction = stretch.descending ? 'DESC' : 'ASC';
  return `SELECT ${COLUMNS}, ${stretch.pinned ? 1 : 0} AS pinned, ${stretch.keys.map((k, i) => `${k} AS k${i}`).join(', ')}
    FROM ${stretch.from} ${JOINS}
    WHERE ${where.join(' AND ')} ORDER BY ${key.map((k) => `${k} ${direction}`).join(', ')} LIMIT +@limit`;
}

export function inboxSql(view: InboxView, filter: InboxFilter, sort: InboxSort, selfId: string): InboxSql {
  const base = viewCondition(view);
  const filters = filterConditions(filter);
  const where = [base.where, ...filters.where].join(' AND ');
  const params: SqlParams = { ...filters.params };
  if (base.where.includes('@self')) params.self = selfId;
  const indexed = (index: string) => `conversations c INDEXED BY ${index}`;
  // Pins are few: CROSS JOIN keeps them the outer loop, and they are sorted.
  const pinnedFrom = 'pins p CROSS JOIN conversations c ON c.id = p.conversation_id';
  // latest: newest activity first, the view's index walked forwards. oldestWaiting: conversations
  // whose customer waits on us first, longest wait first (the waiting conversations' index in its
  // own order), then the others, longest quiet first (the view's index walked backwards). The
  // attention view holds only waiting conversations.
  const stretches: InboxStretch[] =
    sort === 'latest'
      ? [
          { from: pinnedFrom, where, keys: ['c.last_message_at'], descending: true, pinned: true },
          { from: indexed(base.index), where: `${where} AND ${UNPINNED}`, keys: ['c.last_message_at'], descending: true, pinned: false },
        ]
      : [
          {
            from: pinnedFrom,
            where,
            keys: [`(CASE WHEN ${WAITING} THEN 0 ELSE 1 END)`, `(CASE WHEN ${WAITING} THEN c.waiting_since ELSE c.last_message_at END)`],
            descending: false,
            pinned: true,
          },
          {
            from: indexed('conversations_waiting'),
            where: `${where} AND ${WAITING} AND ${UNPINNED}`,
            keys: ['c.waiting_since'],
            descending: false,
            pinned: false,
          },
          ...(view === 'attention'
            ? []
            : [
                {
                  from: indexed(base.index),
                  where: `${where} AND NOT (${WAITING}) AND ${UNPINNED}`,
                  keys: ['c.last_message_at'],
                  descending: false,
                  pinned: false,
                },
              ]),
        ];
  // Conversations needing attention are few: their partial index is smaller than any view's.
  return {
    stretches,
    count: `SELECT count(*) AS n FROM conversations c INDEXED BY ${base.index} WHERE ${where}`,
    attention: `SELECT count(*) AS n FROM conversations c INDEXED BY conversations_waiting WHERE ${where} AND ${WAITING}`,
    params,
  };
}
