// The inbox filter bar's state and the request filter it stands for. Pure: the date ranges are
// computed from `now`, and custom dates are local calendar days (from the start of the first to
// the end of the last).
import type { Channel, ConversationStatus, WorkflowLabel } from '../../../shared/domain';
import type { InboxFilter } from '../../../shared/ipc/contract';

export const DATE_RANGES = ['any', '24h', '7d', '30d', 'custom'] as const;
export type DateRange = (typeof DATE_RANGES)[number];

export interface FilterState {
  channels: Channel[];
  status: ConversationStatus | null;
  tag: string | null;
  label: WorkflowLabel | null;
  assigneeId: string | null;
  queueId: string | null;
  range: DateRange;
  /** yyyy-mm-dd, for the custom range. */
  from: string;
  to: string;
  unreadOnly: boolean;
}

export const NO_FILTERS: FilterState = {
  channels: [],
  status: null,
  tag: null,
  label: null,
  assigneeId: null,
  queueId: null,
  range: 'any',
  from: '',
  to: '',
  unreadOnly: false,
};

const HOUR = 60 * 60 * 1000;
const RANGE_MS: Record<'24h' | '7d' | '30d', number> = { '24h': 24 * HOUR, '7d': 7 * 24 * HOUR, '30d': 30 * 24 * HOUR };

function localDay(value: string, endOfDay: boolean): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const at = endOfDay ? new Date(y, m - 1, d, 23, 59, 59, 999) : new Date(y, m - 1, d);
  return Number.isNaN(at.getTime()) ? undefined : Math.max(0, at.getTime());
}

export function toFilter(state: FilterState, now: number): InboxFilter {
  const filter: InboxFilter = {};
  if (state.channels.length > 0) filter.channels = state.channels;
  if (state.status) filter.statuses = [state.status];
  if (state.tag) filter.tag = state.tag;
  if (state.label) filter.label = state.label;
  if (state.assigneeId) filter.assigneeId = state.assigneeId;
  if (state.queueId) filter.queueId = state.queueId;
  if (state.range === 'custom') {
    const from = localDay(state.from, false);
    const to = localDay(state.to, true);
    if (from !== undefined) filter.from = from;
    if (to !== undefined) filter.to = to;
  } else if (state.range !== 'any') {
    filter.from = Math.max(0, now - RANGE_MS[state.range]);
  }
  if (state.unreadOnly) filter.unreadOnly = true;
  return filter;
}

/** How many filters are set (for the filter button's badge). */
export function activeCount(state: FilterState): number {
  return (
    (state.channels.length > 0 ? 1 : 0) +
    [state.status, state.tag, state.label, state.assigneeId, state.queueId].filter((v) => v !== null).length +
    (state.range !== 'any' ? 1 : 0) +
    (state.unreadOnly ? 1 : 0)
  );
}
