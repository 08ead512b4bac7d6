// Files, edits and reactions through the real outbox against a real backend: an upload queued
// offline goes out once the server is back, with progress; the bytes read back in chunks.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ATTACHMENT_CHUNK_BYTES } from '../../shared/attachments';
import { DEMO_AGENTS, DEMO_PASSWORD } from '../../shared/demo';
import type { UploadProgress } from '../../shared/ipc/contract';
import { DeskError } from '../../shared/ipc/result';
import { startBackend, type Backend } from '../../testing/backend';
import { removeTempDirs } from './testkit/fixtures';
import { startCore, synced, waitFor, type TestCore } from './testkit/harness';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});
afterAll(() => removeTempDirs());

async function loggedIn(backend: Backend): Promise<TestCore> {
  const core = await startCore(backend.url);
  cleanup.push(() => core.stop());
  await core.handlers['session.login']({ serverUrl: backend.url, email: DEMO_AGENTS[0].email, password: DEMO_PASSWORD });
  await synced(core);
  return core;
}

describe('timeline through the outbox', () => {
  it('queues a file offline, uploads it with progress when back, and reads it back in chunks', async () => {
    const backend = await startBackend({ seed: 'minimal', carrierDelayScale: 0.01 });
    cleanup.push(() => backend.stop());
    const answer = await backend.webhook('email', { externalId: `t-${Date.now()}`, from: 'ines@example.com', subject: 'Photo', text: 'See attached?' });
    const conversationId = (answer.json as { conversationId: string }).conversationId;
    const core = await loggedIn(backend);
    const h = core.handlers;
    await waitFor('the conversation', async () => (await h['inbox.counts']({})).all === 1);

    // Refused before anything is read.
    await expect(h['attachment.stage']({ conversationId, name: 'big.png', mimeType: 'image/png', size: 6 * 1024 * 1024 })).rejects.toThrow(DeskError);

    await backend.stop();
    const bytes = Buffer.alloc(ATTACHMENT_CHUNK_BYTES + 1000, 7);
    const { attachmentId } = await h['attachment.stage']({ conversationId, name: 'photo.png', mimeType: 'image/png', size: bytes.length });
    await h['attachment.chunk']({ attachmentId, index: 0, data: bytes.subarray(0, ATTACHMENT_CHUNK_BYTES).toString('base64') });
    await h['attachment.chunk']({ attachmentId, index: 1, data: bytes.subarray(ATTACHMENT_CHUNK_BYTES).toString('base64') });
    const pending = await h['message.send']({ conversationId, body: 'Here it is', attachmentIds: [attachmentId] });
    expect(pending.attachments).toEqual([expect.objectContaining({ id: attachmentId, name: 'photo.png', kind: 'image' })]);
    expect(pending.outbox).not.toBeNull();

    const progress: UploadProgress[] = [];
    core.on('upload', (p) => progress.push(p));
    await backend.restart();
    const sent = await waitFor('the message acknowledged', async () => {
      const thread = await h['thread.get']({ conversationId, limit: 50 });
      return thread.messages.find((m) => m.clientId === pending.id && m.seq > 0 && m.status !== 'pending');
    });
    expect(sent.attachments).toEqual([expect.objectContaining({ id: attachmentId, size: bytes.length })]);
    expect(progress.at(-1)).toMatchObject({ entryId: pending.id, sent: bytes.length, total: bytes.length });

    const first = await h['attachment.read']({ attachmentId, index: 0 });
    const second = await h['attachment.read']({ attachmentId, index: 1 });
    expect(first.chunks).toBe(2);
    expect(Buffer.from(first.data + second.data, 'base64').equals(bytes)).toBe(true);

    // Edits and reactions go through the outbox and come back as the server's revision.
    await h['message.edit']({ messageId: sent.id, body: 'Here it is, sorry for the delay' });
    await h['message.react']({ messageId: sent.id, emoji: '👍', on: true });
    await waitFor('the edit and reaction acknowledged', async () => {
      const thread = await h['thread.get']({ conversationId, limit: 50 });
      const m = thread.messages.find((x) => x.id === sent.id);
      return m && m.revSeq > 0 && m.reactions.length === 1 && m.editedAt !== null && (await h['outbox.list']({})).length === 0;
    });
    await expect(h['link.open']({ url: 'javascript:alert(1)' })).rejects.toMatchObject({ code: 'invalid' });
  });
});
