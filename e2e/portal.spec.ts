// The whole loop with real clients on both ends: a customer on the portal page in one browser
// context, an agent in the console in another, a real backend between them.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, logIn, test } from './fixtures';

test.describe('customer portal', () => {
  test('a customer writes from the portal, the agent replies, the customer sees it live and the agent sees it read @portal', async ({
    desk,
    backend,
    browser,
  }) => {
    const [link] = backend.portalLinks;
    if (!link) throw new Error('The backend printed no portal links.');
    const customerContext = await browser.newContext();
    const portal = await customerContext.newPage();
    try {
      // The magic link signs the customer in and lands on their messages.
      await portal.goto(link.url);
      await expect(portal.getByRole('heading', { name: 'Messages' })).toBeVisible();
      await expect(portal.getByText('Your conversations with the team')).toBeVisible();
      await expect(portal).toHaveURL(/\/portal\/acme\/$/);

      // The customer starts a new conversation.
      const question = `Is my car ready for pick-up? (${Date.now() % 100_000})`;
      await portal.getByTestId('portal-new-message').click();
      await expect(portal.getByRole('heading', { name: 'Need help?' })).toBeVisible();
      const compose = portal.getByPlaceholder('How can we help?');
      await compose.fill(question);
      await compose.press('Enter');
      const thread = portal.getByTestId('portal-thread');
      await expect(thread).toBeVisible();
      const mine = thread.getByTestId('portal-message').filter({ hasText: question });
      await expect(mine).toHaveAttribute('data-from', 'customer');
      await expect(portal.getByTestId('portal-privacy')).toHaveText('Messages are stored and visible to staff.');

      // The agent sees it arrive in the console and opens it.
      await logIn(desk);
      await expect(desk.getByTestId('connection-status')).toHaveAttribute('data-status', 'online');
      await desk.getByTestId('inbox-tab-all').click();
      const row = desk.getByTestId('inbox-row').filter({ hasText: question });
      await expect(row).toBeVisible();
      await row.click();
      const deskThread = desk.getByTestId('thread');
      await expect(deskThread.getByTestId('message').filter({ hasText: question })).toHaveAttribute('data-direction', 'inbound');

      // The agent's reading shows on the customer's message as read.
      await expect(mine).toHaveAttribute('data-status', 'read');

      // The agent replies; the customer sees it without reloading, with the agent's name.
      const answer = 'Yes, it is ready. We are open until 6 pm.';
      const input = desk.getByTestId('composer-input');
      await input.fill(answer);
      await input.press('Enter');
      const reply = thread.getByTestId('portal-message').filter({ hasText: answer });
      await expect(reply).toBeVisible();
      await expect(reply).toHaveAttribute('data-from', 'staff');
      await expect(reply).toContainText('Alex Morgan');

      // The customer has the thread open, so the reply turns read for the agent.
      const sent = deskThread.getByTestId('message').filter({ hasText: answer });
      await expect(sent).toHaveAttribute('data-status', 'read', { timeout: 20_000 });
    } finally {
      await customerContext.close();
    }
  });

  test('another customer’s conversation is not found and a broken link signs nobody in @portal', async ({ backend, browser }) => {
    const [first, second] = backend.portalLinks;
    if (!first || !second) throw new Error('The backend printed too few portal links.');
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(second.url);
      await page.getByTestId('portal-conversation').first().click();
      const othersId = await page.getByTestId('portal-thread').getAttribute('data-conversation-id');
      await page.getByTestId('portal-sign-out').click();
      await expect(page.getByTestId('portal-signed-out')).toBeVisible();

      await page.goto(first.url);
      await page.goto(new URL(`/portal/acme/conversations/${othersId}`, backend.url).href);
      await expect(page.getByRole('heading', { name: 'Conversation not found' })).toBeVisible();

      await page.getByTestId('portal-sign-out').click();
      await page.goto(first.url.replace(/token=.*/, 'token=forged.token'));
      await expect(page.getByText('This sign-in link is not valid.')).toBeVisible();
    } finally {
      await context.close();
    }
  });

  test('files both ways, the agent typing, and the agent’s edit and deletion reach the customer @portal', async ({ desk, backend, browser }) => {
    const [link] = backend.portalLinks;
    if (!link) throw new Error('The backend printed no portal links.');
    const customerContext = await browser.newContext();
    const portal = await customerContext.newPage();
    try {
      await portal.goto(link.url);
      await portal.getByTestId('portal-new-message').click();
      const picker = portal.getByTestId('portal-composer-file');

      // A photo over the limit is refused with its reason; nothing is uploaded.
      // Made in the page: six megabytes through the browser protocol take long on a busy machine.
      await picker.evaluate((input: HTMLInputElement) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(6 * 1024 * 1024)], 'scan.png', { type: 'image/png' }));
        input.files = transfer.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await expect(portal.getByTestId('portal-attachment-refusal')).toHaveText('scan.png is 6 MB; the limit for this type is 5 MB.');
      await expect(portal.getByTestId('portal-attachment-pending')).toHaveCount(0);

      // A PDF within the limit goes with the first message.
      await picker.setInputFiles({ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 invoice') });
      await expect(portal.getByTestId('portal-attachment-pending')).toHaveAttribute('data-state', 'ready');
      const question = `Here is my invoice (${Date.now() % 100_000})`;
      await portal.getByPlaceholder('How can we help?').fill(question);
      await portal.getByPlaceholder('How can we help?').press('Enter');
      const thread = portal.getByTestId('portal-thread');
      const mine = thread.getByTestId('portal-message').filter({ hasText: question });
      await expect(mine.getByTestId('portal-attachment')).toContainText('invoice.pdf');

      // The agent gets the file with the message.
      await logIn(desk);
      await desk.getByTestId('inbox-tab-all').click();
      await desk.getByTestId('inbox-row').filter({ hasText: question }).click();
      const deskThread = desk.getByTestId('thread');
      await expect(deskThread.getByTestId('message').filter({ hasText: question }).getByTestId('attachment-file')).toContainText('invoice.pdf');

      // The agent types: the customer sees it, and sees it stop when the reply is sent.
      const input = desk.getByTestId('composer-input');
      await input.fill('Thanks, here is the receipt');
      await expect(thread.getByTestId('portal-typing')).toHaveText('Alex Morgan is typing…');
      await desk.getByTestId('composer-file').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: await readFile(path.join(process.cwd(), 'build', 'icon.png')) });
      await expect(desk.getByTestId('attachment-pending')).toHaveAttribute('data-state', 'ready');
      await input.press('Enter');
      const reply = thread.getByTestId('portal-message').filter({ hasText: 'here is the receipt' });
      await expect(reply.getByRole('img', { name: 'Photo: receipt.png' })).toBeVisible();
      expect(await reply.getByRole('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      await expect(thread.getByTestId('portal-typing')).toHaveCount(0);

      // The agent corrects the reply, then deletes it: the customer sees both, live.
      const sent = deskThread.getByTestId('message').filter({ hasText: 'here is the receipt' });
      await sent.hover();
      await sent.getByTestId('action-edit').click();
      await desk.getByTestId('edit-input').fill('Thanks, here is the corrected receipt');
      await desk.getByTestId('edit-save').click();
      const corrected = thread.getByTestId('portal-message').filter({ hasText: 'corrected receipt' });
      await expect(corrected.getByTestId('portal-edited')).toHaveText('edited');
      const edited = deskThread.getByTestId('message').filter({ hasText: 'corrected receipt' });
      await edited.hover();
      await edited.getByTestId('action-delete').click();
      await desk.getByTestId('confirm-delete').click();
      await expect(thread.getByTestId('portal-message').filter({ hasText: 'This message was deleted.' })).toHaveAttribute('data-deleted', 'true');
      await expect(thread.getByTestId('portal-message').filter({ hasText: 'receipt' })).toHaveCount(0);
    } finally {
      await customerContext.close();
    }
  });
});
