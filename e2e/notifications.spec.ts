// Notifications in host mode, captured where the page shows them: the browser's Notification API,
// with the permission granted and window.Notification wrapped so the test can read and click what
// was shown. The backend, the core and Chromium are all real.
import type { Page } from '@playwright/test';
import type { Conversation, Contact } from '../shared/domain';
import type { Backend } from '../testing/backend';
import { alex, expect, externalId, freshPhone, logInPastSnapshot, test } from './fixtures';

interface Shown {
  title: string;
  body: string;
  tag: string;
}

test.use({ permissions: ['notifications'] });

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const Real = window.Notification;
    const shown: { title: string; body: string; tag: string; notification: Notification }[] = [];
    class Recorded extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push({ title, body: options?.body ?? '', tag: options?.tag ?? '', notification: this });
      }
    }
    Object.defineProperty(window, 'Notification', { value: Recorded, configurable: true, writable: true });
    Object.assign(window, {
      __shown: () => shown.map(({ title, body, tag }) => ({ title, body, tag })),
      __click: (index: number) => shown[index]?.notification.onclick?.(new Event('click')),
    });
  });
});

const shown = (page: Page) => page.evaluate(() => (window as unknown as { __shown(): Shown[] }).__shown());

/** Alex's open conversations on the server, with the phone their customer writes from. */
async function alexConversations(backend: Backend): Promise<{ id: string; phone: string }[]> {
  const { token, agent } = await backend.login(alex.email);
  const page = (await backend.request(token, 'sync.snapshot', { limit: 2_000 })) as { conversations: Conversation[]; contacts: Contact[] };
  const phones = new Map(page.contacts.map((c) => [c.id, c.phone]));
  return page.conversations
    .filter((c) => c.assigneeId === agent.id && c.status !== 'resolved' && phones.get(c.contactId))
    .map((c) => ({ id: c.id, phone: phones.get(c.contactId)! }));
}

test.describe('notifications @notifications', () => {
  test('a new conversation in the queue raises a notification; clicking it opens the conversation', async ({ desk, backend }) => {
    await logInPastSnapshot(desk);
    const answer = await backend.webhook('sms', { externalId: externalId(), from: freshPhone(), text: 'Hi, is anyone there? My order 4411 never arrived.' });
    const conversationId = (answer.json as { conversationId: string }).conversationId;

    const isIt = (n: Shown) => n.tag.startsWith(`queued:${conversationId}:`);
    await expect.poll(async () => (await shown(desk)).some(isIt)).toBe(true);
    const list = await shown(desk);
    const index = list.findIndex(isIt);
    expect(list[index]).toMatchObject({ title: 'New conversation in the queue' });

    await desk.evaluate((i) => (window as unknown as { __click(i: number): void }).__click(i), index);
    await expect(desk.getByTestId('thread')).toHaveAttribute('data-conversation-id', conversationId);
    await expect(desk.getByTestId('thread').getByText('My order 4411 never arrived', { exact: false })).toBeVisible();
  });

  test('no notification about the conversation the agent has open in a focused window', async ({ desk, backend }) => {
    await logInPastSnapshot(desk);
    const [open, other] = await alexConversations(backend);
    expect(open && other, 'the demo seed gives Alex two open conversations').toBeTruthy();
    await desk.getByTestId('inbox-tab-mine').click();
    await desk.locator(`[data-testid="inbox-row"][data-conversation-id="${open!.id}"]`).click();
    await expect(desk.getByTestId('thread')).toHaveAttribute('data-conversation-id', open!.id);
    expect(await desk.evaluate(() => document.hasFocus())).toBe(true);

    await backend.webhook('sms', { externalId: externalId(), from: open!.phone, text: 'Any news on my refund?' });
    await expect(desk.getByTestId('thread').getByText('Any news on my refund?')).toBeVisible();
    // The same kind of message in another of Alex's conversations does notify, so the silence
    // above is the suppression and not a notification still on its way.
    await backend.webhook('sms', { externalId: externalId(), from: other!.phone, text: 'Hello again, one more question.' });
    await expect.poll(async () => (await shown(desk)).map((n) => n.body)).toContain('Hello again, one more question.');
    expect((await shown(desk)).map((n) => n.body)).not.toContain('Any news on my refund?');
  });

  test('a burst of new conversations raises three notifications, then one summary of the rest', async ({ desk, backend }) => {
    await logInPastSnapshot(desk);
    const customer = (i: number) => backend.webhook('sms', { externalId: externalId(), from: freshPhone(), text: `Customer ${i} in a hurry` });
    // The first one notified: the console is past its start-up catch-up (which groups on its own).
    await customer(0);
    await expect.poll(async () => (await shown(desk)).length).toBe(1);
    const count = 8;
    await Promise.all(Array.from({ length: count - 1 }, (_, i) => customer(i + 1)));
    const summary = 'More new notifications';
    // The summary comes when the burst's ten-second window ends.
    await expect.poll(async () => (await shown(desk)).map((n) => n.title), { timeout: 30_000 }).toContain(summary);
    const list = await shown(desk);
    // Three singles; four only if the machine took longer than a window between the first and the rest.
    const singles = list.length - 1;
    expect([3, 4]).toContain(singles);
    expect(list.map((n) => n.title)).toEqual([...Array.from({ length: singles }, () => 'New conversation in the queue'), summary]);
    expect(list[singles]!.body).toBe(`Not shown one by one: ${count - singles}. Open Agent Desk to see them.`);
  });

  test('after an offline catch-up one grouped notification appears instead of many', async ({ desk, backend, host }) => {
    await logInPastSnapshot(desk);
    const queuedCount = async () => Number(await desk.getByTestId('inbox-tab-queued').getByTestId('inbox-tab-count').innerText());
    // The demo seed has queued conversations: wait for the count to arrive before reading it.
    await expect.poll(queuedCount).toBeGreaterThan(0);
    const before = await queuedCount();
    // The core goes away (gracefully, keeping its data) while customers keep writing.
    await host.kill('SIGTERM');
    const count = 12;
    for (let i = 0; i < count; i++) {
      await backend.webhook('sms', { externalId: externalId(), from: freshPhone(), text: `Customer ${i} waiting while the agent is offline` });
    }
    await host.restart();
    await desk.goto(host.url);
    await expect(desk.getByTestId('connection-status')).toHaveAttribute('data-status', 'online', { timeout: 30_000 });
    await expect.poll(async () => (await shown(desk)).length, { timeout: 20_000 }).toBeGreaterThan(0);
    // Every new conversation is in the inbox, so every event has been applied: one notification.
    await expect.poll(queuedCount).toBe(before + count);
    const list = await shown(desk);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ title: 'While you were offline', body: expect.stringContaining(`${count}`) });
  });
});
