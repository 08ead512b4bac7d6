// The app's own copies of attachment bytes, beside the cache in the data directory: files the agent
// is sending (staged chunk by chunk from the renderer, then kept until long after upload) and files
// downloaded to be shown. Like the outbox, they survive a rebuilt cache: a queued upload still has
// its bytes after a crash or a restart.
import fs from 'node:fs';
import path from 'node:path';
import { ATTACHMENT_CHUNK_BYTES } from '../../../shared/attachments';
import type { Attachment } from '../../../shared/domain';
import { DeskError } from '../../../shared/ipc/result';
import { reason } from '../../../shared/reasons';

interface Staging {
  attachment: Attachment;
  conversationId: string;
  received: number;
  nextIndex: number;
}

const ID = /^[A-Za-z0-9-]{1,100}$/;

export class LocalFiles {
  private readonly staging = new Map<string, Staging>();

  constructor(private readonly root: string) {}

  private fileOf(id: string): string {
    if (!ID.test(id)) throw new DeskError('invalid', `Bad attachment id "${id}".`);
    return path.join(this.root, id);
  }

  private partOf(id: string): string {
    return `${this.fileOf(id)}.part`;
  }

  has(id: string): boolean {
    return fs.existsSync(this.fileOf(id));
  }

  /** Starts receiving a file the agent picked; chunks follow in order. */
  begin(attachment: Attachment, conversationId: string): void {
    fs.mkdirSync(this.root, { recursive: true });
    fs.writeFileSync(this.partOf(attachment.id), new Uint8Array(0));
    this.staging.set(attachment.id, { attachment, conversationId, received: 0, nextIndex: 0 });
  }

  /** Appends chunk `index` (base64); returns the bytes received so far. */
  append(id: string, index: number, base64: string): number {
    const s = this.staging.get(id);
    if (!s) throw new DeskError('notFound', 'This file is no longer being received; pick it again.', reason('attachmentMissing'));
    if (index !== s.nextIndex) throw new DeskError('invalid', `Expected chunk ${s.nextIndex}, got ${index}.`);
    const bytes = Buffer.from(base64, 'base64');
    if (bytes.length > ATTACHMENT_CHUNK_BYTES || s.received + bytes.length > s.attachment.size) {
      this.abandon(id);
      throw new DeskError('invalid', `${s.attachment.name} is larger than announced.`);
    }
    fs.appendFileSync(this.partOf(id), bytes);
    s.received += bytes.length;
    s.nextIndex++;
    return s.received;
  }

  /** Completes staged files for sending in `conversationId`; throws if any is missing or short. */
  complete(ids: readonly string[], conversationId: string): Attachment[] {
    const done: Attachment[] = [];
    for (const id of ids) {
      const s = this.staging.get(id);
      if (!s || s.conversationId !== conversationId) throw new DeskError('notFound', 'An attached file is no longer available; attach it again.', reason('attachmentMissing'));
      if (s.received !== s.attachment.size) throw new DeskError('invalid', `${s.attachment.name} has not been fully read yet.`);
      done.push(s.attachment);
    }
    for (const a of done) {
      fs.renameSync(this.partOf(a.id), this.fileOf(a.id));
      this.staging.delete(a.id);
    }
    return done;
  }

  abandon(id: string): void {
    this.staging.delete(id);
    fs.rmSync(this.partOf(id), { force: true });
  }

  /** Chunk `index` of a complete local file, base64, or null when the file is not here. */
  readChunk(id: string, index: number): { data: string; chunks: number; size: number } | null {
    const file = this.fileOf(id);
    let fd: number;
    try {
      fd = fs.openSync(file, 'r');
    } catch {
      return null;
    }
    try {
      const size = fs.fstatSync(fd).size;
      const chunks = Math.max(1, Math.ceil(size / ATTACHMENT_CHUNK_BYTES));
      if (index < 0 || index >= chunks) throw new DeskError('invalid', `No chunk ${index} (the file has ${chunks}).`);
      const buffer = Buffer.alloc(Math.min(ATTACHMENT_CHUNK_BYTES, size - index * ATTACHMENT_CHUNK_BYTES));
      fs.readSync(fd, buffer, 0, buffer.length, index * ATTACHMENT_CHUNK_BYTES);
      return { data: buffer.toString('base64'), chunks, size };
    } finally {
      fs.closeSync(fd);
    }
  }

  readAll(id: string): Buffer {
    return fs.readFileSync(this.fileOf(id));
  }

  /** Stores downloaded bytes under `id`, atomically. */
  store(id: string, bytes: Uint8Array): void {
    fs.mkdirSync(this.root, { recursive: true });
    const temporary = `${this.fileOf(id)}.download`;
    fs.writeFileSync(temporary, bytes);
    fs.renameSync(temporary, this.fileOf(id));
  }
}
