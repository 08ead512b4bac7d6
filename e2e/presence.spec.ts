// What an agent sees of who is there: the open thread's customer coming online, going offline and
// typing (ephemeral activity, pushed by the backend at most once a second for presence and told by
// the core only for the conversations on screen), and another agent going away and coming back
// (durable agent status, in the transfer picker while it is open).
import type { Page } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { DEMO_AGENTS, DEMO_PASSWORD } from '../shared/demo';
import { HTTP, WEBHOOK_SECRET_HEADER } from '../shared/protocol';
import { connectAgent, type Backend } from '../testing/backend';
import { expect, externalId, freshPhone, logIn, test } from './fixtures';

const bea = DEMO_AGENTS[1];
/** Below the thread's own 10 s re-ask of its activity: what shows in time came with a push. */
const PUSHED_MS = 8_000;

async function customerWrites(backend: Backend, phone: string, text: string): Promise<string> {
  const answer = await backend.webhook('sms', { externalId: externalId(), from: phone, text });
  expect(answer.status).toBe(200);
  return (answer.json as { conversationId: string }).conversationId;
}

/** The carrier's activity webhook: the customer came online, left, or is typing. */
async function customerActivity(backend: Backend, phone: string, body: { online?: boolean; typing?: boolean }): Promise<void> {
  const response = await fetch(`${backend.url}${HTTP.activityWebhook(backend.tenant, 'sms')}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [WEBHOOK_SECRET_HEADER]: backend.webhookSecret },
    body: JSON.stringify({ from: phone, ...body }),
  });
  expect(response.status).toBe(200);
}

const row = (page: Page, conversationId: string) => page.locator(`[data-testid="inbox-row"][data-conversation-id="${conversationId}"]`);

test.describe('presence', () => {
  test('the open thread shows its customer going offline, typing and back online, amid other customers coming and going @presence', async ({ desk, backend }) => {
    await logIn(desk);
    const phone = freshPhone();
    const conversationId = await customerWrites(backend, phone, 'Is my parcel lost?');
    await desk.getByTestId('inbox-tab-queued').click();
    await row(desk, conversationId).click();
    const thread = desk.getByTestId('thread');
    const presence = thread.getByTestId('presence');
    await expect(presence).toHaveAttribute('data-online', 'true');

    // A burst of other customers (each comes online with their first message), one of them leaving.
    const others = Array.from({ length: 6 }, () => freshPhone());
    await Promise.all(others.map((p, i) => customerWrites(backend, p, `Question number ${i + 1}`)));
    await customerActivity(backend, others[0] as string, { online: false });

    await customerActivity(backend, phone, { online: false });
    await expect(presence).toHaveAttribute('data-online', 'false', { timeout: PUSHED_MS });
    await expect(presence).toHaveText('Offline');

    await customerActivity(backend, phone, { typing: true });
    const typing = thread.getByTestId('typing-indicator');
    await expect(typing).toContainText('is typing', { timeout: PUSHED_MS });
    await expect(presence).toHaveAttribute('data-online', 'true', { timeout: PUSHED_MS });
    await desk.screenshot({ path: test.info().outputPath('presence-typing.png') });

    // Writing ends the typing; the customer stays online.
    await customerWrites(backend, phone, 'Found it, thanks!');
    await expect(thread.getByText('Found it, thanks!')).toBeVisible();
    await expect(typing).toHaveText('', { timeout: PUSHED_MS });
    await expect(presence).toHaveAttribute('data-online', 'true');
  });

  test('another agent going away and coming back shows in the open transfer picker @presence', async ({ desk, backend }) => {
    await logIn(desk);
    const conversationId = await customerWrites(backend, freshPhone(), 'Please put me through to billing.');
    await desk.getByTestId('inbox-tab-queued').click();
    await row(desk, conversationId).getByTestId('row-accept').click();
    await expect(desk.getByTestId('assignee')).toHaveText('Assigned to you');
    await desk.keyboard.press('Control+t');
    const dialog = desk.getByTestId('transfer-dialog');
    const beaRow = dialog.locator(`[data-testid="transfer-agent"][data-agent-name="${bea.name}"]`);
    await expect(beaRow).toContainText('Available');

    // Bea changes her status at her own desk.
    const login = await backend.login(bea.email, DEMO_PASSWORD);
    const beaDesk = await connectAgent(backend.url, login.token);
    try {
      await beaDesk.request('agent.setStatus', { clientId: uuidv7(), status: 'away' });
      await expect(beaRow).toContainText('Away');
      await desk.screenshot({ path: test.info().outputPath('transfer-away.png') });
      await beaDesk.request('agent.setStatus', { clientId: uuidv7(), status: 'available' });
      await expect(beaRow).toContainText('Available');
    } finally {
      beaDesk.close();
    }
  });
});
