// Languages end to end: a fresh app follows the browser/OS language; the agent switches the language
// in Settings and the whole workspace follows at once (text, plurals, dates, direction); the choice
// survives a reload.
import type { Page } from '@playwright/test';
import type { Backend } from '../testing/backend';
import { expect, externalId, freshPhone, logIn, test } from './fixtures';

async function chooseLanguage(desk: Page, language: string): Promise<void> {
  await desk.getByTestId('open-settings').click();
  const dialog = desk.getByTestId('settings');
  await dialog.getByTestId('settings-tab-language').click();
  await dialog.getByTestId('setting-language').selectOption(language);
  await desk.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
}

/** A new customer writes `count` messages: their row shows that many unread. */
async function customerWrites(backend: Backend, name: string, texts: string[]): Promise<void> {
  const from = freshPhone();
  for (const text of texts) {
    const response = await backend.webhook('whatsapp', { externalId: externalId(), from, profileName: name, text });
    expect(response.status).toBe(200);
  }
}

const unreadText = (desk: Page, name: string) => desk.getByTestId('inbox-row').filter({ hasText: name }).locator('.visually-hidden');
const weekday = '(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)';

test.describe('languages', () => {
  test('in German the inbox and composer speak German, with German dates and plurals, and stay German after a reload @i18n', async ({ desk, backend }) => {
    await logIn(desk);
    await expect(desk.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
    const suffix = Date.now() % 1000;
    await customerWrites(backend, `Jonas Weber ${suffix}`, ['Hallo, ist mein Paket unterwegs?']);
    await customerWrites(backend, `Lena Braun ${suffix}`, ['Guten Tag', 'Meine Rechnung stimmt nicht', 'Bitte um Rückruf']);

    await chooseLanguage(desk, 'de');
    await expect(desk.locator('html')).toHaveAttribute('lang', 'de');
    await expect(desk.getByTestId('inbox-tab-mine')).toContainText('Meine');
    await desk.getByTestId('inbox-tab-queued').click();
    await expect(desk.getByTestId('inbox-tab-queued')).toContainText('Wartend');

    // Plural forms: one and many.
    await expect(unreadText(desk, `Jonas Weber ${suffix}`)).toHaveText('1 ungelesene Nachricht');
    await expect(unreadText(desk, `Lena Braun ${suffix}`)).toHaveText('3 ungelesene Nachrichten');

    // German relative time in the row, German full date in its tooltip.
    const row = desk.getByTestId('inbox-row').filter({ hasText: `Lena Braun ${suffix}` });
    const time = row.locator('time');
    await expect(time).toHaveText(/^(jetzt|vor \d+ Min\.)$/);
    await expect(time).toHaveAttribute('title', new RegExp(`^${weekday}, \\d{1,2}\\. \\p{L}+ \\d{4} um \\d{1,2}:\\d{2}$`, 'u'));

    // The thread and the composer.
    await row.click();
    const thread = desk.getByTestId('thread');
    await expect(thread.locator('.timeline__day').last()).toHaveText('Heute');
    await expect(thread.locator('.message__time').last()).toHaveText(/^\d{1,2}:\d{2}$/);
    const input = desk.getByTestId('composer-input');
    await expect(input).toHaveAttribute('placeholder', /^Antwort schreiben…/);
    await expect(input).toHaveAttribute('aria-label', `Antwort an Lena Braun ${suffix}`);
    await expect(desk.getByTestId('composer-send')).toHaveText('Senden');

    // The choice is stored by the core: a reload starts in German straight away.
    await desk.reload();
    await expect(desk.locator('html')).toHaveAttribute('lang', 'de');
    await expect(desk.getByTestId('inbox-tab-mine')).toContainText('Meine');

    // A seeded, resolved conversation's system lines read in German, and search finds them as shown.
    await desk.getByTestId('inbox-tab-resolved').click();
    await desk.getByTestId('inbox-row').first().click();
    const system = desk.locator('[data-testid="thread"] [data-testid="message"][data-direction="system"]');
    await expect(system.filter({ hasText: /^.+ hat die Unterhaltung angenommen/ })).toHaveCount(1);
    await expect(system.filter({ hasText: /hat die Unterhaltung abgeschlossen: / })).toHaveCount(1);
    await expect(system.filter({ hasText: /the conversation/ })).toHaveCount(0);
    // In-thread search matches the German words the line shows, not its stored English.
    await desk.getByTestId('thread-scroll').click();
    await desk.keyboard.press('Control+F');
    const threadSearch = desk.getByTestId('thread-search-input');
    await threadSearch.fill('angenommen');
    await expect(system.filter({ hasText: 'angenommen' })).toHaveAttribute('data-search-match', 'current');
    // The thread marks the match (CSS Custom Highlight ranges) in the German text shown.
    const currentMarks = () => desk.evaluate(() => [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('thread-search-current') ?? [])].map((r) => r.toString()));
    await expect.poll(currentMarks).toEqual(['angenommen']);
    await threadSearch.fill('accepted');
    await expect(desk.getByTestId('thread-search-count')).toHaveText('Keine Treffer');
    await expect(system.filter({ hasText: 'angenommen' })).not.toHaveAttribute('data-search-match', /./);
    await threadSearch.press('Escape');
    // A global search hit on a system line shows the line in German, with the closure reason marked.
    const globalSearch = desk.getByTestId('global-search-input');
    await globalSearch.click();
    await globalSearch.fill('solved');
    const systemHit = desk.locator('[data-testid="search-result"][data-group="messages"]').filter({ hasText: 'hat die Unterhaltung abgeschlossen: Solved' }).first();
    await expect(systemHit).toBeVisible();
    await expect(systemHit.locator('mark')).toHaveText('Solved');
    await expect(desk.getByTestId('search-results')).not.toContainText('resolved the conversation');
  });

  test('a fresh app follows the browser language; in Arabic the layout is mirrored, plurals follow Arabic grammar and mixed-direction text reads correctly @i18n', async ({
    desk,
    backend,
    host,
    browser,
  }) => {
    // Before the agent chooses anything the app speaks the OS's (here: the browser's) language.
    const german = await browser.newContext({ locale: 'de-DE' });
    const fresh = await german.newPage();
    await fresh.goto(host.url);
    await expect(fresh.locator('html')).toHaveAttribute('lang', 'de');
    await expect(fresh.getByTestId('login-form').getByLabel('Passwort')).toBeVisible();
    await expect(fresh.getByTestId('login-form').getByRole('button', { name: 'Anmelden' })).toBeVisible();
    await german.close();

    await logIn(desk);
    await expect(desk.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
    const suffix = Date.now() % 1000;
    await customerWrites(backend, `Omar Haddad ${suffix}`, ['مرحبا', 'أين طلبي رقم 4411؟']);
    await customerWrites(backend, `Sara Klein ${suffix}`, ['Hello', 'My order has not arrived', 'Can you check?']);

    await chooseLanguage(desk, 'ar');
    const html = desk.locator('html');
    await expect(html).toHaveAttribute('dir', 'rtl');
    await expect(html).toHaveAttribute('lang', 'ar');
    await desk.getByTestId('inbox-tab-queued').click();
    await expect(desk.getByTestId('inbox-tab-queued')).toContainText('بالانتظار');

    // Mirrored: the inbox sits on the right, the thread to its left; text runs right to left.
    const inbox = desk.locator('.inbox-panel');
    expect(await inbox.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    const inboxBox = (await inbox.boundingBox())!;
    const viewport = desk.viewportSize()!;
    expect(inboxBox.x + inboxBox.width).toBeGreaterThan(viewport.width - 20);

    // Arabic plurals: the dual, and 3–10 ("few"), with the digits Arabic formatting uses.
    const three = await desk.evaluate(() => new Intl.NumberFormat('ar').format(3));
    await expect(unreadText(desk, `Omar Haddad ${suffix}`)).toHaveText('رسالتان غير مقروءتين');
    await expect(unreadText(desk, `Sara Klein ${suffix}`)).toHaveText(`${three} رسائل غير مقروءة`);

    // An English customer message inside the Arabic UI keeps its own direction.
    await desk.getByTestId('inbox-row').filter({ hasText: `Sara Klein ${suffix}` }).click();
    const thread = desk.getByTestId('thread');
    const threadBox = (await thread.boundingBox())!;
    expect(threadBox.x).toBeLessThan(inboxBox.x);
    const english = thread.getByTestId('message').filter({ hasText: 'My order has not arrived' });
    expect(await english.locator('.message__body').evaluate((el) => el.matches(':dir(ltr)'))).toBe(true);

    // The agent answers in Arabic: the composer and the new message run right to left, the send
    // icon points the Arabic way, and the agent's bubble sits on the opposite side to the customer's.
    const input = desk.getByTestId('composer-input');
    await input.fill('شكرًا لك، سأتحقق من طلبك الآن');
    expect(await input.evaluate((el) => el.matches(':dir(rtl)'))).toBe(true);
    expect(await desk.locator('.composer .icon--directional').evaluate((el) => getComputedStyle(el).transform)).toBe('matrix(-1, 0, 0, 1, 0, 0)');
    await input.press('Enter');
    const reply = thread.getByTestId('message').filter({ hasText: 'سأتحقق من طلبك' });
    await expect(reply).toHaveCount(1);
    expect(await reply.locator('.message__body').evaluate((el) => el.matches(':dir(rtl)'))).toBe(true);
    const inBubble = (await english.locator('.message__bubble').boundingBox())!;
    const outBubble = (await reply.locator('.message__bubble').boundingBox())!;
    expect(outBubble.x).toBeLessThan(inBubble.x);

    // Back to English: left to right again, without a reload.
    await chooseLanguage(desk, 'en');
    await expect(html).toHaveAttribute('dir', 'ltr');
    await expect(desk.getByTestId('inbox-tab-queued')).toContainText('Queued');
  });
});
