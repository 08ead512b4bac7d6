import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Agent, Conversation } from '../../../shared/domain';
import type { ConversationDetail } from '../../../shared/ipc/contract';
import { DeskError } from '../../../shared/ipc/result';
import { reason } from '../../../shared/reasons';
import { fakeDesk, renderWithDesk } from '../test/fakeDesk';
import { Toasts } from '../toasts/Toasts';
import { ConversationActions } from './ConversationActions';
import { WorkflowProvider } from './WorkflowContext';

const alex: Agent = { id: 'a1', name: 'Alex Morgan', email: 'alex@acme.test' };
const bea: Agent = { id: 'a2', name: 'Bea Schmidt', email: 'bea@acme.test' };
const conversation: Conversation = {
  id: 'c1',
  contactId: 'k1',
  channel: 'sms',
  status: 'queued',
  queueId: 'q1',
  assigneeId: null,
  subject: null,
  createdAt: 1,
  lastMessageAt: 2,
  lastMessagePreview: 'Hello?',
  lastMessageDirection: 'inbound',
  lastInboundAt: 2,
  waitingSince: 2,
  tags: [],
  labels: [],
  previousConversationId: null,
  closureReason: null,
  seq: 5,
};
const detail = (patch: Partial<Conversation>, assignee: Agent | null, acceptWaiting = false): ConversationDetail => ({
  conversation: { ...conversation, ...patch },
  contact: { id: 'k1', name: 'Rosa Diaz', phone: '+15550001', email: null, createdAt: 1, seq: 1 },
  assignee,
  queue: null,
  pinned: false,
  previous: null,
  acceptWaiting,
});

function ui(d: ConversationDetail, onOpen = vi.fn()) {
  return (
    <WorkflowProvider openId="c1" onOpen={onOpen}>
      <ConversationActions detail={d} selfId={alex.id} />
    </WorkflowProvider>
  );
}

/** Shows `first`, then `then` once the test says the server answered. */
function Race({ first, then }: { first: ConversationDetail; then: ConversationDetail }) {
  const [shown, setShown] = useState(first);
  return (
    <>
      <button type="button" data-testid="server-answers" onClick={() => setShown(then)} />
      {ui(shown)}
    </>
  );
}

describe('ConversationActions', () => {
  it('accepts a queued conversation, and says who won when another agent was first', async () => {
    const desk = fakeDesk({ 'conversation.get': async () => detail({}, null), 'conversation.accept': async () => null });
    await renderWithDesk(<Race first={detail({}, null)} then={detail({ status: 'active', assigneeId: bea.id }, bea)} />, desk);
    expect(screen.getByTestId('assignee').textContent).toBe('Not assigned');
    fireEvent.click(screen.getByTestId('action-accept'));
    await vi.waitFor(() => expect(desk.calls.some((c) => c.method === 'conversation.accept')).toBe(true));
    expect(screen.queryByTestId('accept-lost')).toBeNull();

    fireEvent.click(screen.getByTestId('server-answers'));
    expect((await screen.findByTestId('accept-lost')).textContent).toBe('Bea Schmidt accepted this conversation first.');
    expect(screen.getByTestId('assignee').textContent).toBe('Assigned to Bea Schmidt');
  });

  /** Shows each detail in turn, one more each time the test says so. */
  function Steps({ steps }: { steps: ConversationDetail[] }) {
    const [at, setAt] = useState(0);
    return (
      <>
        <button type="button" data-testid="next-step" onClick={() => setAt((n) => n + 1)} />
        {ui(steps[at]!)}
      </>
    );
  }

  it('says who won also when the conversation showed as the agent’s own until the server refused', async () => {
    const desk = fakeDesk({ 'conversation.get': async () => detail({}, null), 'conversation.accept': async () => null });
    const guessed = detail({ status: 'active', assigneeId: alex.id }, alex, true);
    await renderWithDesk(<Steps steps={[detail({}, null), guessed, detail({ status: 'active', assigneeId: bea.id }, bea)]} />, desk);
    fireEvent.click(screen.getByTestId('action-accept'));
    fireEvent.click(screen.getByTestId('next-step'));
    expect(await screen.findByText('Assigned to you')).toBeTruthy();
    fireEvent.click(screen.getByTestId('next-step'));
    expect((await screen.findByTestId('accept-lost')).textContent).toBe('Bea Schmidt accepted this conversation first.');
  });

  it('after winning and then transferring, does not say the other agent accepted first', async () => {
    const desk = fakeDesk({ 'conversation.get': async () => detail({}, null), 'conversation.accept': async () => null });
    const steps = [detail({}, null), detail({ status: 'active', assigneeId: alex.id }, alex), detail({ status: 'active', assigneeId: bea.id }, bea)];
    await renderWithDesk(<Steps steps={steps} />, desk);
    fireEvent.click(screen.getByTestId('action-accept'));
    fireEvent.click(screen.getByTestId('next-step'));
    expect(await screen.findByText('Assigned to you')).toBeTruthy();
    fireEvent.click(screen.getByTestId('next-step'));
    expect(await screen.findByText('Assigned to Bea Schmidt')).toBeTruthy();
    expect(screen.queryByTestId('accept-lost')).toBeNull();
  });

  it('tells a German agent in German who accepted first when the core refuses', async () => {
    const refusal = new DeskError('rejected', 'Bea Schmidt already accepted this conversation.', reason('alreadyAccepted', { agent: 'Bea Schmidt' }));
    const desk = fakeDesk({
      'conversation.get': async () => detail({}, null),
      'conversation.accept': () => Promise.reject(refusal),
    });
    await renderWithDesk(
      <>
        {ui(detail({}, null))}
        <Toasts />
      </>,
      desk,
      'de',
    );
    fireEvent.click(screen.getByTestId('action-accept'));
    const toast = await screen.findByTestId('toast');
    expect(toast.textContent).toContain('Bea Schmidt hat diese Unterhaltung bereits angenommen.');
    expect(toast.textContent).not.toContain('already accepted');
  });

  it('does not speak of a race the agent never ran', async () => {
    await renderWithDesk(ui(detail({ status: 'active', assigneeId: bea.id }, bea)), fakeDesk({ 'conversation.get': async () => detail({}, bea) }));
    expect(screen.queryByTestId('accept-lost')).toBeNull();
    expect(screen.getByTestId('action-transfer')).toBeTruthy();
  });

  it('offers no transfer or resolve once closed, and names the reason', async () => {
    await renderWithDesk(ui(detail({ status: 'resolved', assigneeId: alex.id, closureReason: 'Solved' }, alex)), fakeDesk({}));
    expect(screen.queryByTestId('action-transfer')).toBeNull();
    expect(screen.queryByTestId('action-resolve')).toBeNull();
    expect(screen.getByTestId('closure-reason').textContent).toBe('Closed: Solved');
    expect(screen.getByTestId('assignee').textContent).toBe('Assigned to you');
  });
});
