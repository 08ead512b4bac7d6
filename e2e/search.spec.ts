import type { Page } from '@playwright/test';
import { expect, externalId, freshPhone, logIn, logInPastSnapshot, test } from './fixtures';
import type { Backend } from '../testing/backend';

async function customerWrites(backend: Backend, from: string, text: string, profileName?: string) {
  const answer = await backend.webhook('whatsapp', { externalId: externalId(), from, text, ...(profileName ? { profileName } : {}) });
  expect(answer.status).toBe(200);
  return (answer.json as { conversationId: string }).conversationId;
}

/** Many messages in one conversation, in any order among themselves (ten requests at a time). */
async function fillerMessages(backend: Backend, from: string, count: number) {
  for (let i = 0; i < count; i += 10) {
    await Promise.all(Array.from({ length: Math.min(10, count - i) }, (_, k) => customerWrites(backend, from, `Another detail, number ${i + k}`)));
  }
}

/** Types `text` into the global search and waits until the results shown answer it. */
async function search(desk: Page, text: string) {
  const input = desk.getByTestId('global-search-input');
  await input.fill(text);
  const results = desk.getByTestId('search-results');
  await expect(results).toBeVisible();
  // Until then the previous search's results are on screen, marked stale.
  await expect(results).not.toHaveAttribute('data-stale');
  return results;
}

test.describe('search', () => {
  // Each test writes some fifty messages through the webhooks before it starts searching.
  test.describe.configure({ timeout: 120_000 });

  test('finds a customer by name, a word in another conversation, a CJK message, and all history on the server @search', async ({ desk, backend }) => {
    // Only the newest 50 messages of a conversation reach the cache at login: the first of these is
    // on the server alone.
    const longPhone = freshPhone();
    const longConversation = await customerWrites(backend, longPhone, 'The quokka figurine I ordered never arrived');
    await fillerMessages(backend, longPhone, 52);
    const wordConversation = await customerWrites(backend, freshPhone(), 'My parcel came with a broken xylophone inside');
    const cjkConversation = await customerWrites(backend, freshPhone(), '荷物はまだ届いていません。注文番号は8841です。');
    const named = await customerWrites(backend, freshPhone(), 'A question about my bill', 'Zofia Kowalczyk');

    await logIn(desk);
    await expect(desk.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
    await desk.getByTestId('inbox-tab-all').click();
    await desk.getByTestId('inbox-row').first().click();
    await expect(desk.getByTestId('thread')).toBeVisible();

    // A customer's name, from the keyboard: Ctrl+Shift+F, type a prefix, Enter.
    await desk.keyboard.press('Control+Shift+F');
    await expect(desk.getByTestId('global-search-input')).toBeFocused();
    await desk.keyboard.type('kowalcz');
    const byName = desk.getByTestId('search-result').filter({ hasText: 'Zofia Kowalczyk' }).first();
    await expect(byName).toBeVisible();
    await expect(byName.locator('mark')).toHaveText(/kowalcz/i);
    await desk.keyboard.press('Enter');
    await expect(desk.getByTestId('thread')).toHaveAttribute('data-conversation-id', named);

    // A word from a message in another conversation: opens it on that message.
    const results = await search(desk, 'xylophone');
    const hit = results.locator('[data-testid="search-result"][data-group="messages"]');
    await expect(hit).toHaveCount(1);
    await expect(hit.locator('mark')).toHaveText('xylophone');
    await desk.getByTestId('global-search-input').press('Enter');
    await expect(desk.getByTestId('thread')).toHaveAttribute('data-conversation-id', wordConversation);
    const wordMessage = desk.getByTestId('message').filter({ hasText: 'broken xylophone' });
    await expect(wordMessage).toBeVisible();
    await expect(wordMessage).toHaveAttribute('data-search-match', 'current');

    // Japanese text, found by a substring.
    await desk.getByTestId('global-search-input').click();
    const cjk = (await search(desk, '届いて')).locator('[data-testid="search-result"][data-group="messages"]');
    await expect(cjk).toHaveCount(1);
    await expect(cjk.locator('mark')).toHaveText('届いて');
    await cjk.click();
    await expect(desk.getByTestId('thread')).toHaveAttribute('data-conversation-id', cjkConversation);
    await expect(desk.getByTestId('message').filter({ hasText: '荷物はまだ届いていません' })).toBeVisible();

    // Beyond the cache: the local search has nothing, the server's search finds it, marked as such,
    // and opening it loads the older history it is in.
    await desk.getByTestId('global-search-input').click();
    const beyond = await search(desk, 'quokka');
    await expect(beyond.getByTestId('search-empty')).toBeVisible();
    await beyond.getByTestId('search-server-button').click();
    const serverHit = beyond.locator('[data-testid="search-result"][data-group="server"]');
    await expect(serverHit).toHaveCount(1);
    await expect(serverHit.getByTestId('server-badge')).toBeVisible();
    await serverHit.click();
    await expect(desk.getByTestId('thread')).toHaveAttribute('data-conversation-id', longConversation);
    const oldest = desk.getByTestId('message').filter({ hasText: 'quokka figurine' });
    await expect(oldest).toBeVisible({ timeout: 20_000 });
    await expect(oldest).toHaveAttribute('data-search-match', 'current');

    // Offline, the server search says it needs the connection; the local search still works.
    await backend.stop();
    await expect(desk.getByTestId('connection-status')).not.toHaveAttribute('data-status', 'online');
    await desk.getByTestId('global-search-input').click();
    const offline = await search(desk, 'parcel');
    await expect(offline.locator('[data-testid="search-result"][data-group="messages"]').first()).toBeVisible();
    await offline.getByTestId('search-server-button').click();
    await expect(offline.getByTestId('search-server-offline')).toBeVisible();
  });

  test('in-thread search highlights matches, steps with Enter and Shift+Enter, and loads older history @search', async ({ desk, backend }) => {
    // Every message below comes as an event, so all of them are cached: written before the first
    // snapshot, the oldest would be left to older history, which the in-thread search does not see.
    await logInPastSnapshot(desk);
    const phone = freshPhone();
    const conversationId = await customerWrites(backend, phone, 'Could you send the invoice for March?');
    await fillerMessages(backend, phone, 52);
    await customerWrites(backend, phone, 'The invoice should name my company');
    await customerWrites(backend, phone, 'Is the INVOICE ready?');

    await desk.getByTestId('inbox-tab-queued').click();
    await desk.locator(`[data-testid="inbox-row"][data-conversation-id="${conversationId}"]`).click();
    await expect(desk.getByTestId('message').filter({ hasText: 'Is the INVOICE ready?' })).toBeVisible();
    // The first message is older than the loaded page.
    await expect(desk.getByTestId('message').filter({ hasText: 'invoice for March' })).toHaveCount(0);

    await desk.getByTestId('thread-scroll').click();
    await desk.keyboard.press('Control+F');
    const input = desk.getByTestId('thread-search-input');
    await expect(input).toBeFocused();
    await input.fill('invoice');
    const count = desk.getByTestId('thread-search-count');
    await expect(count).toHaveText('1 of 3');
    const current = desk.locator('[data-testid="message"][data-search-match="current"]');
    await expect(current).toContainText('Is the INVOICE ready?');
    await expect(desk.locator('[data-testid="message"][data-search-match]')).toHaveCount(2);

    await input.press('Enter');
    await expect(count).toHaveText('2 of 3');
    await expect(current).toContainText('should name my company');
    await input.press('Enter');
    await expect(count).toHaveText('3 of 3');
    await expect(current).toContainText('invoice for March', { timeout: 20_000 });
    await expect(current).toBeInViewport();
    await input.press('Shift+Enter');
    await expect(count).toHaveText('2 of 3');
    await expect(current).toContainText('should name my company');

    await input.press('Escape');
    await expect(desk.getByTestId('thread-search')).toHaveCount(0);
    await expect(desk.locator('[data-testid="message"][data-search-match]')).toHaveCount(0);
  });
});
