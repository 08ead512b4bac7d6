// The filter bar lists the team's tags, agents and queues; the team is refetched with every change
// to the inbox, and a refetch that changed nothing must not render the bar again.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Team } from '../../../shared/ipc/contract';
import { fakeDesk, renderWithDesk } from '../test/fakeDesk';
import type * as WorkflowModule from '../workflow/useWorkflow';
import { NO_FILTERS } from './filters';
import { InboxFilters } from './InboxFilters';

// Counts the bar's renders: it asks for the team once per render.
const teamReads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../workflow/useWorkflow', async (importOriginal) => {
  const actual = await importOriginal<typeof WorkflowModule>();
  return {
    ...actual,
    useTeam: () => {
      teamReads.count++;
      return actual.useTeam();
    },
  };
});

const team = { agents: [{ id: 'a1', name: 'Sam' }], queues: [{ id: 'q1', name: 'Billing' }], tags: ['vip'] } as unknown as Team;
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('inbox filters', () => {
  it('does not render again for a refetch of the team that changed nothing, and lists the team when opened', async () => {
    const desk = fakeDesk({ 'team.get': async () => team });
    const { queryClient } = await renderWithDesk(<InboxFilters state={NO_FILTERS} onChange={() => undefined} sort="latest" onSortChange={() => undefined} />, desk);
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    await settle();
    const before = teamReads.count;
    await act(() => queryClient.invalidateQueries());
    await settle();
    expect(desk.calls.filter((call) => call.method === 'team.get')).toHaveLength(2);
    expect(teamReads.count).toBe(before);
    fireEvent.click(screen.getByTestId('filters-toggle'));
    expect(screen.getByRole('option', { name: 'Sam' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'Billing' })).toBeTruthy();
  });
});
