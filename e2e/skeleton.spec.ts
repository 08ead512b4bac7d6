import { alex, expect, externalId, freshPhone, logIn, test } from './fixtures';

test.describe('walking skeleton', () => {
  test('a wrong password is refused with a clear message @skeleton', async ({ desk }) => {
    await logIn(desk, alex.email, 'not-the-password');
    await expect(desk.getByTestId('login-error')).toContainText(/wrong email or password/i);
    await expect(desk.getByTestId('login-form')).toBeVisible();
  });

  test('the agent logs in and sees the seeded inbox @skeleton', async ({ desk }) => {
    await logIn(desk);
    await expect(desk.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
    await desk.getByTestId('inbox-tab-all').click();
    await expect(desk.getByTestId('inbox-row').first()).toBeVisible();
    expect(await desk.getByTestId('inbox-row').count()).toBeGreaterThan(5);
    // Each tab shows its count; the demo tenant has conversations in every view.
    for (const tab of ['mine', 'queued', 'all']) {
      await expect(desk.getByTestId(`inbox-tab-${tab}`)).toContainText(/\d+/);
    }
  });

  test('a customer message reaches the open thread and reorders the inbox; the reply is delivered and read @skeleton', async ({
    desk,
    backend,
  }) => {
    await logIn(desk);
    await expect(desk.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');

    // A new customer writes in: a new queued conversation appears at the top of the Queued view.
    const first = { phone: freshPhone(), name: `Priya Raman ${Date.now() % 1000}` };
    const opened = await backend.webhook('whatsapp', {
      externalId: externalId(),
      from: first.phone,
      profileName: first.name,
      text: 'Hi, my order #4411 has not arrived yet.',
    });
    expect(opened.status).toBe(200);

    await desk.getByTestId('inbox-tab-queued').click();
    const firstRow = desk.getByTestId('inbox-row').filter({ hasText: first.name });
    await expect(firstRow).toBeVisible();
    await expect(desk.getByTestId('inbox-row').first()).toContainText(first.name);
    await expect(firstRow.getByTestId('unread-badge')).toHaveText('1');

    // Open it: the thread shows the message, and opening marks it read.
    await firstRow.click();
    const thread = desk.getByTestId('thread');
    await expect(thread.getByTestId('message').filter({ hasText: 'order #4411' })).toBeVisible();
    await expect(firstRow.getByTestId('unread-badge')).toHaveCount(0);

    // The customer writes again while the thread is open: it appears in the thread.
    await backend.webhook('whatsapp', {
      externalId: externalId(),
      from: first.phone,
      profileName: first.name,
      text: 'It was supposed to come on Monday.',
    });
    await expect(thread.getByTestId('message').filter({ hasText: 'supposed to come on Monday' })).toBeVisible();

    // Another customer writes in while the first thread is open: that row moves to the top unread.
    await backend.webhook('sms', { externalId: externalId(), from: freshPhone(), text: 'Can I change my delivery address?' });
    const secondRow = desk.getByTestId('inbox-row').first();
    await expect(secondRow).toContainText('Can I change my delivery address?');
    await expect(secondRow).toHaveAttribute('data-unread', '1');
    await expect(secondRow.getByTestId('unread-badge')).toHaveText('1');
    await expect(thread.getByTestId('message').filter({ hasText: 'order #4411' })).toBeVisible();

    // The agent replies from the keyboard: pending at once, then delivered, then read.
    const reply = `Sorry about that, ${first.name.split(' ')[0]}! Let me check with the courier.`;
    const input = desk.getByTestId('composer-input');
    await input.fill(reply);
    await input.press('Enter');
    await expect(input).toHaveValue('');
    const sent = thread.getByTestId('message').filter({ hasText: reply });
    await expect(sent).toHaveCount(1);
    await expect(sent).toHaveAttribute('data-direction', 'outbound');
    await expect(sent).toHaveAttribute('data-status', /^(pending|sent|delivered|read)$/);
    await expect(sent).toHaveAttribute('data-status', /^(delivered|read)$/, { timeout: 15_000 });
    await expect(sent).toHaveAttribute('data-status', 'read', { timeout: 20_000 });
    await expect(sent).toHaveCount(1);

    // The inbox preview shows the agent's own reply.
    await expect(desk.getByTestId('inbox-row').filter({ hasText: first.name })).toContainText(/You: /);
  });

  test('Shift+Enter makes a new line and an empty message cannot be sent @skeleton', async ({ desk }) => {
    await logIn(desk);
    await desk.getByTestId('inbox-tab-all').click();
    await desk.getByTestId('inbox-row').first().click();
    const input = desk.getByTestId('composer-input');
    await expect(desk.getByTestId('composer-send')).toBeDisabled();
    await input.fill('First line');
    await input.press('Shift+Enter');
    await input.pressSequentially('second line');
    await expect(input).toHaveValue('First line\nsecond line');
    await expect(desk.getByTestId('composer-send')).toBeEnabled();
  });
});
