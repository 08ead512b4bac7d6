// The inbox's filter and sort as the agent set them. Relative date ranges count back from the
// moment the filter was chosen, so the query stays the same (and cached) while it is shown.
import { useMemo, useState } from 'react';
import type { InboxSort } from '../../../shared/ipc/contract';
import { type FilterState, NO_FILTERS, toFilter } from './filters';

export function useInboxControls() {
  const [state, setState] = useState<{ filters: FilterState; at: number }>(() => ({ filters: NO_FILTERS, at: Date.now() }));
  const [sort, setSort] = useState<InboxSort>('latest');
  const filter = useMemo(() => toFilter(state.filters, state.at), [state]);
  return {
    filters: state.filters,
    setFilters: (filters: FilterState) => setState({ filters, at: Date.now() }),
    sort,
    setSort,
    filter,
  };
}

export type InboxControls = ReturnType<typeof useInboxControls>;
