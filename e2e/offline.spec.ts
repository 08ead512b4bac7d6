import { expect, logIn, test } from './fixtures';

test.describe('offline', () => {
  test('with the backend down the cached inbox and threads stay readable; a queued reply is delivered once, in order @offline', async ({
    desk,
    backend,
    host,
  }) => {
    await logIn(desk);
    const status = desk.getByTestId('connection-status');
    await expect(status).toHaveAttribute('data-status', 'online');
    await desk.getByTestId('inbox-tab-all').click();
    const rows = desk.getByTestId('inbox-row');
    await expect(rows.first()).toBeVisible();
    const rowCount = await rows.count();

    // Take the backend away.
    await backend.stop();
    await expect(status).toHaveAttribute('data-status', /offline|reconnecting/, { timeout: 20_000 });

    // The cached inbox and a thread that was never opened are still there.
    expect(await rows.count()).toBe(rowCount);
    const target = rows.nth(2);
    const targetId = await target.getAttribute('data-conversation-id');
    await target.click();
    const thread = desk.getByTestId('thread');
    await expect(thread.getByTestId('message').first()).toBeVisible();

    // Two replies written offline wait, visibly, and the status bar counts them.
    const replies = ['Offline reply one: checking your order now.', 'Offline reply two: it ships tomorrow.'];
    const input = desk.getByTestId('composer-input');
    for (const reply of replies) {
      await input.fill(reply);
      await input.press('Enter');
      await expect(thread.getByTestId('message').filter({ hasText: reply })).toHaveAttribute('data-status', 'pending');
    }
    await expect(status).toContainText(/2 messages waiting/i);

    // The core restarts while still offline: it comes back from its cache and stored session.
    await host.restart();
    await desk.goto(host.url);
    await desk.getByTestId('inbox-tab-all').click();
    await expect(desk.getByTestId('inbox-row').first()).toBeVisible();
    await expect(status).toContainText(/2 messages waiting/i);
    await desk.locator(`[data-testid="inbox-row"][data-conversation-id="${targetId}"]`).click();
    for (const reply of replies) {
      await expect(thread.getByTestId('message').filter({ hasText: reply })).toHaveAttribute('data-status', 'pending');
    }

    // The backend returns: both replies go out, once each, in the order they were written.
    await backend.restart();
    await expect(status).toHaveAttribute('data-status', 'online', { timeout: 30_000 });
    for (const reply of replies) {
      const message = thread.getByTestId('message').filter({ hasText: reply });
      await expect(message).toHaveAttribute('data-status', /^(sent|delivered|read)$/, { timeout: 20_000 });
      await expect(message).toHaveCount(1);
    }
    await expect(status).not.toContainText(/waiting/i);
    const bodies = await thread.getByTestId('message').allInnerTexts();
    const firstAt = bodies.findIndex((b) => b.includes(replies[0]!));
    const secondAt = bodies.findIndex((b) => b.includes(replies[1]!));
    expect(firstAt).toBeGreaterThanOrEqual(0);
    expect(secondAt).toBeGreaterThan(firstAt);

    // The server holds each exactly once.
    const server = await backend.login();
    const history = await backend.history(server.token, targetId!);
    for (const reply of replies) expect(history.filter((m) => m.body === reply)).toHaveLength(1);
  });
});
