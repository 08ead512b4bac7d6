// The timeline's guarantees, end to end: a real backend that records every envelope it hands to a
// carrier, the core in host mode and the renderer in Chromium.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { startBackend } from '../testing/backend';
import { builtBackend } from '../testing/builtPrograms';
import { temporaryDir } from '../testing/lifecycle';
import { expect, externalId, freshPhone, logIn, test as base } from './fixtures';

interface Envelope {
  channel: string;
  body: string;
  attachments: unknown[];
}

const test = base.extend<{ outboundLog: string }>({
  // eslint-disable-next-line no-empty-pattern
  outboundLog: async ({}, use) => {
    await use(path.join(temporaryDir('desk-outbound'), 'outbound.jsonl'));
  },
  backend: async ({ outboundLog }, use) => {
    const backend = await startBackend({ ...builtBackend, seed: 'demo', carrierDelayScale: 0.1, outboundLog });
    await use(backend);
    await backend.stop();
  },
});

async function envelopes(file: string): Promise<Envelope[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Envelope);
}

test.describe('timeline', () => {
  test('an internal note never reaches the customer @workflow', async ({ desk, backend, outboundLog }) => {
    await logIn(desk);
    const name = `Noah Becker ${Date.now() % 1000}`;
    await backend.webhook('sms', { externalId: externalId(), from: freshPhone(), text: `Hello, this is ${name}. Where is my refund?` });
    await desk.getByTestId('inbox-tab-queued').click();
    await desk.getByTestId('inbox-row').filter({ hasText: /refund/ }).first().click();
    const thread = desk.getByTestId('thread');
    await expect(thread.getByTestId('message').filter({ hasText: name })).toBeVisible();

    // A note, typed in the composer's note mode (Ctrl+N), shown labelled in the timeline.
    await desk.getByTestId('composer-input').click();
    await desk.keyboard.press('Control+n');
    await expect(desk.getByTestId('composer')).toHaveAttribute('data-mode', 'note');
    const noteText = `Checked the ledger: refund R-${Date.now()} is pending at the bank.`;
    await desk.getByTestId('composer-input').fill(noteText);
    await desk.getByTestId('composer-input').press('Enter');
    const note = thread.getByTestId('message').filter({ hasText: noteText });
    await expect(note).toHaveAttribute('data-kind', 'note');
    await expect(note.getByTestId('note-label')).toHaveText('Internal note');

    // A reply after it does reach the carrier, so the log is live when we look.
    await desk.getByTestId('composer-mode-reply').click();
    const replyText = `Your refund is on its way ${Date.now()}.`;
    await desk.getByTestId('composer-input').fill(replyText);
    await desk.getByTestId('composer-input').press('Enter');
    await expect(thread.getByTestId('message').filter({ hasText: replyText })).toHaveAttribute('data-status', /sent|delivered|read/);
    await expect(note).toHaveAttribute('data-outbox', '');

    const sent = await envelopes(outboundLog);
    expect(sent.some((e) => e.body === replyText)).toBe(true);
    expect(sent.some((e) => e.body.includes('refund R-'))).toBe(false);
  });

  test('the WhatsApp window blocks free text and allows a template @workflow', async ({ desk, outboundLog }) => {
    await logIn(desk);
    // The demo seed has a WhatsApp conversation whose customer last wrote 26 hours ago.
    await desk.getByTestId('inbox-tab-mine').click();
    await desk.getByTestId('inbox-row').filter({ hasText: /Stock arrived today|size M|thank you/i }).first().click();
    const composer = desk.getByTestId('composer');
    await expect(composer.getByTestId('whatsapp-window')).toHaveAttribute('data-open', 'false');
    await expect(composer.getByTestId('whatsapp-window')).toContainText(/24-hour window has closed/);
    await expect(desk.getByTestId('composer-input')).toBeDisabled();
    await expect(desk.getByTestId('composer-send')).toBeDisabled();

    await composer.getByTestId('open-templates').click();
    await composer.locator('[data-template-id="order_update"]').click();
    const params = composer.getByTestId('template-param');
    await expect(params.first()).not.toHaveValue('');
    await params.nth(1).fill('#58213');
    await expect(composer.getByTestId('template-preview')).toContainText('your order #58213');
    await composer.getByTestId('template-send').click();

    const thread = desk.getByTestId('thread');
    const sentTemplate = thread.getByTestId('message').filter({ hasText: 'update on your order #58213' });
    await expect(sentTemplate).toHaveAttribute('data-status', /sent|delivered|read/);
    const sent = await envelopes(outboundLog);
    expect(sent.filter((e) => e.channel === 'whatsapp' && e.body.includes('#58213'))).toHaveLength(1);
  });

  test('an oversize attachment is refused with its reason and nothing is sent @workflow', async ({ desk, backend, outboundLog }) => {
    await logIn(desk);
    await backend.webhook('email', { externalId: externalId(), from: `lena.${Date.now()}@example.com`, subject: 'Scan of my invoice', text: 'I will send you the scan.' });
    await desk.getByTestId('inbox-tab-queued').click();
    await desk.getByTestId('inbox-row').filter({ hasText: /send you the scan/ }).first().click();
    const thread = desk.getByTestId('thread');
    await expect(thread.getByTestId('thread-subject')).toHaveText('Scan of my invoice');
    const before = await thread.getByTestId('message').count();

    const big = Buffer.alloc(6 * 1024 * 1024, 1);
    await desk.getByTestId('composer-file').setInputFiles({ name: 'scan.png', mimeType: 'image/png', buffer: big });
    const refusal = desk.getByTestId('attachment-refusal');
    await expect(refusal).toContainText('scan.png was not attached');
    await expect(refusal).toContainText(/5 MB/);
    await expect(desk.getByTestId('attachment-pending')).toHaveCount(0);
    await expect(desk.getByTestId('composer-send')).toBeDisabled();

    // A file within the limit goes through, with its caption.
    await desk.getByTestId('composer-file').setInputFiles({ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 small') });
    await expect(desk.getByTestId('attachment-pending')).toHaveAttribute('data-state', 'ready');
    await desk.getByTestId('composer-input').fill('Here is the corrected invoice.');
    await desk.getByTestId('composer-send').click();
    const sentFile = thread.getByTestId('message').filter({ hasText: 'corrected invoice' });
    await expect(sentFile).toHaveAttribute('data-status', /sent|delivered|read/);
    await expect(sentFile.getByTestId('attachment-file')).toContainText('invoice.pdf');
    await expect(thread.getByTestId('message')).toHaveCount(before + 1);

    const sent = await envelopes(outboundLog);
    expect(sent.flatMap((e) => e.attachments)).toEqual([expect.objectContaining({ name: 'invoice.pdf' })]);
  });

  test.describe('on a slow uplink', () => {
    // 1 MB/s up: the 4 MB photo takes seconds, so its progress is on screen while it uploads.
    test.use({ uplinkBytesPerSecond: 1_000_000 });

    test('attachments come by drag-and-drop and paste, with a caption and upload progress @workflow', async ({ desk, backend, outboundLog }) => {
      await logIn(desk);
      await backend.webhook('email', { externalId: externalId(), from: `mia.${Date.now()}@example.com`, subject: 'Photos of the damage', text: 'Can I send you photos?' });
      await desk.getByTestId('inbox-tab-queued').click();
      await desk.getByTestId('inbox-row').filter({ hasText: /send you photos/ }).first().click();
      const thread = desk.getByTestId('thread');
      await expect(thread.getByTestId('thread-subject')).toHaveText('Photos of the damage');

      // Progress bars seen while the message waits for its files to upload.
      await desk.evaluate(() => {
        const seen: number[] = [];
        (window as unknown as { uploadProgress: number[] }).uploadProgress = seen;
        new MutationObserver(() => {
          for (const bar of document.querySelectorAll<HTMLProgressElement>('[data-testid="upload-progress"]')) seen.push(bar.value);
        }).observe(document.body, { subtree: true, childList: true, attributes: true });
      });

      // A photo dropped on the thread: a real PNG, padded to a size that takes a moment to upload.
      const png = await readFile(path.join(process.cwd(), 'build', 'icon.png'));
      const photo = Buffer.concat([png, Buffer.alloc(4 * 1024 * 1024 - png.length)]);
      const dropped = await desk.evaluateHandle(
        ({ bytes }) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0))], 'damage.png', { type: 'image/png' }));
          return transfer;
        },
        { bytes: photo.toString('base64') },
      );
      await thread.dispatchEvent('dragover', { dataTransfer: dropped });
      await thread.dispatchEvent('drop', { dataTransfer: dropped });
      // A PDF pasted into the composer.
      await desk.getByTestId('composer-input').evaluate((input) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File(['%PDF-1.4 estimate'], 'estimate.pdf', { type: 'application/pdf' }));
        input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
      });
      const pending = desk.getByTestId('attachment-pending');
      await expect(pending).toHaveCount(2);
      await expect(pending.filter({ hasText: 'damage.png' })).toHaveAttribute('data-state', 'ready');
      await expect(pending.filter({ hasText: 'estimate.pdf' })).toHaveAttribute('data-state', 'ready');
      await expect(desk.getByTestId('composer-input')).toHaveAttribute('placeholder', /caption/i);

      const caption = `Photo and estimate ${Date.now() % 100_000}`;
      await desk.getByTestId('composer-input').fill(caption);
      await desk.getByTestId('composer-send').click();
      const sent = thread.getByTestId('message').filter({ hasText: caption });
      await expect(sent).toHaveAttribute('data-status', /sent|delivered|read/);
      await expect(sent.getByTestId('attachment-image')).toHaveJSProperty('complete', true);
      expect(await sent.getByTestId('attachment-image').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      await expect(sent.getByTestId('attachment-file')).toContainText('estimate.pdf');
      const progress = await desk.evaluate(() => (window as unknown as { uploadProgress: number[] }).uploadProgress);
      expect(progress.length).toBeGreaterThan(0);

      const envelope = (await envelopes(outboundLog)).find((e) => e.body === caption);
      expect(envelope?.attachments).toEqual([expect.objectContaining({ name: 'damage.png' }), expect.objectContaining({ name: 'estimate.pdf' })]);

      // Email cannot change a sent message: the edit stays in the desk, which says so, and nothing leaves.
      await sent.hover();
      await sent.getByTestId('action-edit').click();
      await desk.getByTestId('edit-input').fill(`${caption} (corrected)`);
      await desk.getByTestId('edit-save').click();
      const corrected = thread.getByTestId('message').filter({ hasText: '(corrected)' });
      await expect(corrected.getByTestId('customer-copy')).toHaveText("The customer still has the original: Email can't change a sent message.");
      expect((await envelopes(outboundLog)).some((e) => e.body.includes('(corrected)'))).toBe(false);
    });
  });
});
