// Canned messages, placeholders, drafts and the customer panel, driven as an agent would.
import { expect, logIn, test } from './fixtures';
import type { Page } from '@playwright/test';

async function openFirst(desk: Page, view: 'mine' | 'all' = 'mine'): Promise<string> {
  await desk.getByTestId(`inbox-tab-${view}`).click();
  // Not WhatsApp: a closed 24-hour window there takes only templates, and these tests type free text.
  const row = desk.locator('[data-testid="inbox-row"]:not([data-channel="whatsapp"])').first();
  await row.click();
  await expect(desk.getByTestId('thread')).toBeVisible();
  return (await row.getAttribute('data-conversation-id'))!;
}

test.describe('composer', () => {
  test('"/" and a shortcut insert the filled template @composer', async ({ desk }) => {
    await logIn(desk);
    await openFirst(desk);
    const panelName = (await desk.getByTestId('customer-panel').locator('.customer__name').innerText()).trim();
    const input = desk.getByTestId('composer-input');
    await input.click();
    await input.pressSequentially('/hi');
    const picker = desk.getByTestId('canned-picker');
    await expect(picker).toBeVisible();
    await expect(picker.getByTestId('canned-item').first()).toHaveAttribute('data-shortcut', 'hi');
    await expect(picker.getByTestId('canned-preview')).toContainText(`Hi ${panelName.split(' ')[0]}`);
    await input.press('Enter');
    await expect(picker).toBeHidden();
    await expect(input).toHaveValue(`Hi ${panelName.split(' ')[0]}, thanks for getting in touch! I’m Alex Morgan and I’ll help you today.`);

    // Ctrl+/ opens the picker over text already typed, and typing searches it.
    await input.fill('');
    await input.press('Control+/');
    await expect(picker).toBeVisible();
    await input.pressSequentially('bye');
    await expect(picker.getByTestId('canned-item').first()).toHaveAttribute('data-shortcut', 'bye');
    await input.press('Escape');
    await expect(picker).toBeHidden();
  });

  test('an unresolved placeholder blocks the send until the agent confirms @composer', async ({ desk }) => {
    await logIn(desk);
    await openFirst(desk);
    const thread = desk.getByTestId('thread');
    const text = 'Your booking reference is {{booking_ref}}.';
    const input = desk.getByTestId('composer-input');
    await input.fill(text);
    await expect(desk.getByTestId('unresolved-mark')).toHaveText('{{booking_ref}}');
    await input.press('Enter');
    const confirm = desk.getByTestId('unresolved-confirm');
    await expect(confirm).toBeVisible();
    await expect(thread.getByTestId('message').filter({ hasText: text })).toHaveCount(0);
    // Keep editing: nothing is sent, the text is still there.
    await confirm.getByRole('button', { name: /keep editing/i }).click();
    await expect(confirm).toBeHidden();
    await expect(input).toHaveValue(text);
    await expect(thread.getByTestId('message').filter({ hasText: text })).toHaveCount(0);
    // Confirmed: sent once.
    await input.press('Enter');
    await desk.getByTestId('unresolved-send-anyway').click();
    await expect(thread.getByTestId('message').filter({ hasText: text })).toHaveCount(1);
  });

  test('a draft survives a restart of the core and shows in the inbox @composer', async ({ desk, host }) => {
    await logIn(desk);
    const first = await openFirst(desk);
    const draft = 'Let me check the workshop diary for you';
    await desk.getByTestId('composer-input').fill(draft);
    // Switch away and back: restored.
    await desk.locator(`[data-testid="inbox-row"]:not([data-conversation-id="${first}"])`).first().click();
    await expect(desk.getByTestId('composer-input')).toHaveValue('');
    const row = desk.locator(`[data-testid="inbox-row"][data-conversation-id="${first}"]`);
    await expect(row.getByTestId('inbox-draft')).toContainText(draft);
    await row.click();
    await expect(desk.getByTestId('composer-input')).toHaveValue(draft);

    await host.restart();
    await desk.goto(host.url);
    await desk.getByTestId('inbox-tab-mine').click();
    await expect(row.getByTestId('inbox-draft')).toContainText(draft);
    await row.click();
    await expect(desk.getByTestId('composer-input')).toHaveValue(draft);

    // Sent: gone from the box and the row.
    await desk.getByTestId('composer-input').press('Enter');
    await expect(desk.getByTestId('composer-input')).toHaveValue('');
    await expect(row.getByTestId('inbox-draft')).toHaveCount(0);
  });

  test('the customer panel shows a garage customer’s vehicle and work orders, and its tags @composer', async ({ desk }) => {
    await logIn(desk);
    await desk.getByTestId('inbox-tab-all').click();
    const rows = desk.getByTestId('inbox-row');
    await expect(rows.first()).toBeVisible();
    const panel = desk.getByTestId('customer-panel');
    let found = false;
    for (let i = 0; i < 12 && !found; i++) {
      await rows.nth(i).click();
      await expect(panel.getByTestId('customer-section-linked')).toBeVisible();
      found = (await panel.getByTestId('linked-vehicle').count()) > 0;
    }
    expect(found).toBe(true);
    await expect(panel.getByTestId('linked-vehicle').first()).toContainText(/[A-Z]{2}\d{2} [A-Z]{3}/);
    await expect(panel.getByTestId('linked-order').filter({ hasText: /Work order/i }).first()).toContainText(/WO-\d+/);

    // Tags and labels show in the panel, and the panel edits them.
    const tags = panel.getByTestId('customer-tags');
    await panel.getByTestId('customer-edit-tags').click();
    const dialog = desk.getByTestId('tags-dialog');
    await dialog.getByTestId('tag-search').fill('warranty-check');
    await dialog.getByTestId('tag-search').press('Enter');
    const escalated = dialog.getByTestId('label-toggle').filter({ hasText: 'Escalated' }).locator('input');
    await escalated.click();
    await expect(escalated).toBeChecked();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(tags).toContainText('warranty-check');
    await expect(tags.locator('[data-label="escalated"]')).toBeVisible();

    // Sections stay as the agent left them.
    await panel.getByTestId('customer-section-loyalty').getByRole('button').first().click();
    await expect(panel.getByTestId('give-points-open')).toBeVisible();
    await rows.nth(0).click();
    await expect(panel.getByTestId('give-points-open')).toBeVisible();
  });
});
