import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ConversationDetail } from '../../../shared/ipc/contract';
import { fakeDesk, renderWithDesk } from '../test/fakeDesk';
import { useTemplateContext } from './useTemplateContext';

const detail = { contact: { id: 'k1', name: 'Ana' }, conversation: { id: 'c1' } } as unknown as ConversationDetail;

describe('template context', () => {
  it('gives the conversation and the agent, and does not render its component again for a refetch that changed nothing', async () => {
    const desk = fakeDesk({
      'conversation.get': async () => detail,
      'session.get': async () => ({ agent: { name: 'Sam' } }) as never,
    });
    let renders = 0;
    let context: ReturnType<typeof useTemplateContext> = () => {
      throw new Error('not rendered');
    };
    function Composer() {
      context = useTemplateContext('c1');
      renders++;
      return null;
    }
    const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
    const { queryClient } = await renderWithDesk(<Composer />, desk);
    // The context is read only when a template is used, as the composer does: not before.
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    await settle();
    const before = renders;
    await act(() => queryClient.invalidateQueries());
    await settle();
    expect(desk.calls.filter((call) => call.method === 'conversation.get')).toHaveLength(2);
    expect(renders).toBe(before);
    expect(context()).toMatchObject({ contact: { name: 'Ana' }, conversation: { id: 'c1' }, agentName: 'Sam' });
  });
});
