// The conversation workflow end to end: two agents, each with their own core in host mode and their
// own browser context, against one real backend; customers write through the real webhook.
import type { Browser, Page } from '@playwright/test';
import { DEMO_AGENTS } from '../shared/demo';
import type { Host } from '../testing/host';
import { expect, externalId, freshPhone, logIn, test, type StartAgentHost } from './fixtures';

const [alex, bea] = [DEMO_AGENTS[0], DEMO_AGENTS[1]];

async function secondAgent(
  browser: Browser,
  startAgentHost: StartAgentHost,
  serverUrl: string,
): Promise<{ host: Host; page: Page; close: () => Promise<void> }> {
  const host = await startAgentHost(serverUrl, 'bea');
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(host.url);
  await logIn(page, bea.email);
  return {
    host,
    page,
    close: async () => {
      await context.close();
      await host.stop();
    },
  };
}

async function customerWrites(backend: { webhook: (c: string, b: unknown) => Promise<{ status: number; json: unknown }> }, phone: string, text: string) {
  const answer = await backend.webhook('sms', { externalId: externalId(), from: phone, text });
  expect(answer.status).toBe(200);
  return (answer.json as { conversationId: string }).conversationId;
}

const row = (page: Page, conversationId: string) => page.locator(`[data-testid="inbox-row"][data-conversation-id="${conversationId}"]`);

test.describe('workflow', () => {
  test('two agents accept the same queued conversation: exactly one wins and the other is told who @workflow', async ({ desk, backend, browser, startAgentHost }) => {
    await logIn(desk);
    const other = await secondAgent(browser, startAgentHost, backend.url);
    try {
      const conversationId = await customerWrites(backend, freshPhone(), 'Hi, is anyone there? My card was charged twice.');
      for (const page of [desk, other.page]) {
        await page.getByTestId('inbox-tab-queued').click();
        await expect(row(page, conversationId)).toBeVisible({ timeout: 20_000 });
        await expect(row(page, conversationId).getByTestId('row-waiting')).toBeVisible();
      }
      // Both press Accept at the same moment: each page clicks at one agreed time on the shared clock,
      // so neither has seen the other's result when it clicks.
      const at = Date.now() + 1_000;
      const pressAt = (page: Page) =>
        page.evaluate(
          ({ id, at }) =>
            new Promise<boolean>((resolve) => {
              setTimeout(() => {
                const button = document.querySelector<HTMLButtonElement>(`[data-conversation-id="${id}"] [data-testid="row-accept"]`);
                button?.click();
                resolve(button !== null);
              }, at - Date.now());
            }),
          { id: conversationId, at },
        );
      expect(await Promise.all([pressAt(desk), pressAt(other.page)])).toEqual([true, true]);

      // Both settle on one owner; exactly one of them is told, by name, that the other was first.
      const lost = (page: Page) => page.getByTestId('accept-lost');
      const told = async () => (await lost(desk).count()) + (await lost(other.page).count());
      await expect.poll(told, { timeout: 20_000 }).toBeGreaterThan(0);
      const alexLost = (await lost(desk).count()) > 0;
      const [loser, winner, winnerName] = alexLost ? [desk, other.page, bea.name] : [other.page, desk, alex.name];
      await expect(lost(loser)).toHaveText(`${winnerName} accepted this conversation first.`);
      await expect(lost(winner)).toHaveCount(0);
      await expect(winner.getByTestId('assignee')).toHaveText('Assigned to you');
      await expect(loser.getByTestId('assignee')).toHaveText(`Assigned to ${winnerName}`);
    } finally {
      await other.close();
    }
  });

  test('a transfer with a note reaches the other agent @workflow', async ({ desk, backend, browser, startAgentHost }) => {
    await logIn(desk);
    const other = await secondAgent(browser, startAgentHost, backend.url);
    try {
      const conversationId = await customerWrites(backend, freshPhone(), 'I want to change my delivery address.');
      await desk.getByTestId('inbox-tab-queued').click();
      await row(desk, conversationId).getByTestId('row-accept').click();
      await expect(desk.getByTestId('assignee')).toHaveText('Assigned to you');
      await desk.keyboard.press('Control+t');
      const dialog = desk.getByTestId('transfer-dialog');
      await expect(dialog).toBeVisible();
      // Each agent shows their status and load against capacity.
      await expect(dialog.locator(`[data-testid="transfer-agent"][data-agent-name="${bea.name}"]`)).toContainText(/Available.*\d+ \/ \d+ open/);
      await dialog.locator(`[data-testid="transfer-agent"][data-agent-name="${bea.name}"]`).click();
      await dialog.getByTestId('transfer-note').fill('Address change for order 5521, please confirm the new postcode.');
      await dialog.getByTestId('transfer-submit').click();
      await expect(dialog).toHaveCount(0);
      await expect(desk.getByTestId('assignee')).toHaveText(`Assigned to ${bea.name}`);

      await other.page.getByTestId('inbox-tab-mine').click();
      await row(other.page, conversationId).click({ timeout: 20_000 });
      const thread = other.page.getByTestId('thread');
      const note = thread.locator('[data-testid="message"][data-kind="note"]', { hasText: 'Address change for order 5521, please confirm the new postcode.' });
      await expect(note).toBeVisible({ timeout: 20_000 });
      await expect(thread.getByText(`${alex.name} transferred the conversation to ${bea.name}`)).toBeVisible();
    } finally {
      await other.close();
    }
  });

  test('resolve with a reason; the customer writing again opens a new conversation linked to the resolved one @workflow', async ({ desk, backend }) => {
    await logIn(desk);
    const phone = freshPhone();
    const first = await customerWrites(backend, phone, 'My router keeps restarting.');
    await desk.getByTestId('inbox-tab-queued').click();
    await row(desk, first).getByTestId('row-accept').click();
    await expect(desk.getByTestId('assignee')).toHaveText('Assigned to you');
    await desk.keyboard.press('Control+r');
    const dialog = desk.getByTestId('resolve-dialog');
    await dialog.getByTestId('resolve-reason').filter({ hasText: 'Solved' }).click();
    await dialog.getByTestId('resolve-note').fill('Firmware update fixed it.');
    await dialog.getByTestId('resolve-submit').click();
    const thread = desk.getByTestId('thread');
    await expect(thread.getByTestId('closure-reason')).toHaveText('Closed: Solved');
    // Read-only: the composer gives way to Reopen.
    await expect(thread.getByTestId('thread-readonly')).toBeVisible();
    await expect(thread.getByTestId('composer-input')).toHaveCount(0);
    await expect(thread.getByText('resolved the conversation: Solved')).toBeVisible({ timeout: 20_000 });

    const second = await customerWrites(backend, phone, 'It started again this morning.');
    expect(second).not.toBe(first);
    await desk.getByTestId('inbox-tab-queued').click();
    await row(desk, second).click({ timeout: 20_000 });
    await expect(thread).toHaveAttribute('data-conversation-id', second);
    await desk.getByTestId('previous-conversation').click();
    await expect(thread).toHaveAttribute('data-conversation-id', first);
    await expect(thread.getByText('My router keeps restarting.')).toBeVisible();
    await expect(thread.getByTestId('thread-readonly')).toBeVisible();
  });

  test('from the queue to resolved with the keyboard only: accept, canned reply, note, tag, resolve, next @workflow @keyboard @composer', async ({ desk, backend }) => {
    await logIn(desk);
    const conversationId = await customerWrites(backend, freshPhone(), 'Keyboard only, please: where is my parcel?');
    await expect(desk.getByTestId('inbox-row').first()).toBeVisible({ timeout: 20_000 });
    await desk.keyboard.press('2');
    await expect(desk.getByTestId('inbox-tab-queued')).toHaveAttribute('aria-selected', 'true');
    // The newest queued conversation is at the top with the default sort.
    await expect(desk.getByTestId('inbox-row').first()).toHaveAttribute('data-conversation-id', conversationId, { timeout: 20_000 });
    await desk.keyboard.press('j');
    await desk.keyboard.press('Enter');
    const thread = desk.getByTestId('thread');
    await expect(thread).toHaveAttribute('data-conversation-id', conversationId);
    // "a" accepts what the bar offers: the agent presses it once the conversation shows its Accept.
    await expect(desk.getByTestId('action-accept')).toBeVisible();
    await desk.keyboard.press('a');
    await expect(desk.getByTestId('assignee')).toHaveText('Assigned to you');

    await desk.keyboard.press('r');
    await expect(desk.getByTestId('composer-input')).toBeFocused();
    // A canned message: "/" and its shortcut, Enter inserts it filled, Enter sends it.
    await desk.keyboard.type('/hi');
    await expect(desk.getByTestId('canned-picker')).toBeVisible();
    await desk.keyboard.press('Enter');
    await expect(desk.getByTestId('composer-input')).toHaveValue(/thanks for getting in touch/);
    await desk.keyboard.press('Enter');
    await expect(thread.locator('[data-testid="message"][data-direction="outbound"]', { hasText: 'thanks for getting in touch' })).toBeVisible();
    await desk.keyboard.type('It is out for delivery today.');
    await desk.keyboard.press('Enter');
    await expect(thread.locator('[data-testid="message"][data-direction="outbound"]', { hasText: 'It is out for delivery today.' })).toBeVisible();

    // An internal note: Ctrl+N switches the composer to note mode.
    await desk.keyboard.press('Control+n');
    await expect(desk.getByTestId('composer-mode-note')).toHaveAttribute('aria-selected', 'true');
    await desk.keyboard.type('Asked twice about the parcel.');
    await desk.keyboard.press('Enter');
    await expect(thread.locator('[data-testid="message"][data-kind="note"]', { hasText: 'Asked twice about the parcel.' })).toBeVisible();

    // A label and a tag, through the command palette and the tags dialog.
    await desk.keyboard.press('Control+k');
    await expect(desk.getByTestId('palette-search')).toBeFocused();
    await desk.keyboard.type('Tag the conversation');
    await desk.keyboard.press('Enter');
    const tagsDialog = desk.getByTestId('tags-dialog');
    await expect(tagsDialog).toBeVisible();
    await desk.keyboard.press('Space');
    await expect(tagsDialog.getByTestId('label-toggle').first().locator('input')).toBeChecked();
    for (let i = 0; i < 4; i++) await desk.keyboard.press('Tab');
    await expect(tagsDialog.getByTestId('tag-search')).toBeFocused();
    await desk.keyboard.type('parcel');
    await desk.keyboard.press('Enter');
    await expect(tagsDialog.getByTestId('conversation-tags')).toContainText('parcel');
    await desk.keyboard.press('Escape');
    await expect(tagsDialog).toHaveCount(0);

    await desk.keyboard.press('Control+r');
    const dialog = desk.getByTestId('resolve-dialog');
    await expect(dialog).toBeVisible();
    // The first reason has focus; Space picks it, Enter resolves.
    await desk.keyboard.press('Space');
    await desk.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(thread.getByTestId('thread-readonly')).toBeVisible();
    await expect(thread.getByTestId('closure-reason')).toHaveText(/^Closed: /);
    // Ctrl+R resolved; it never reloaded the page.
    await expect(desk.getByTestId('inbox-tab-queued')).toHaveAttribute('aria-selected', 'true');
    // On to the next conversation.
    await desk.keyboard.press('Alt+ArrowDown');
    await expect(thread).not.toHaveAttribute('data-conversation-id', conversationId);
  });
});
