// Uploaded files: the bytes in the data directory (one file per attachment, written to a temporary
// name and renamed, so a crash never leaves a half file under a real id), the metadata in the
// `attachments` table. Uploads are idempotent by the client-chosen id: the same bytes again answer
// with the stored attachment; different bytes under a used id are a conflict.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely, Selectable } from 'kysely';
import type { AttachmentType } from '../../shared/attachments';
import type { Attachment, AttachmentKind } from '../../shared/domain';
import type { AttachmentsTable, DB } from '../db/schema';
import { ProtocolFailure } from '../errors';
import { reason } from '../../shared/reasons';

export interface AttachmentFiles {
  /** Root folder; files live in `<root>/<tenant id>/<attachment id>`. */
  root: string;
}

export function attachmentFiles(dataDir: string): AttachmentFiles {
  return { root: path.join(dataDir, 'attachments') };
}

const ID_PATTERN = /^[A-Za-z0-9-]{1,100}$/;

export function isAttachmentId(id: string): boolean {
  return ID_PATTERN.test(id);
}

function fileOf(files: AttachmentFiles, tenantId: string, id: string): string {
  if (!isAttachmentId(id) || !isAttachmentId(tenantId)) throw new ProtocolFailure('invalid', `Bad attachment id "${id}".`);
  return path.join(files.root, tenantId, id);
}

export interface StoredAttachment extends Attachment {
  tenantId: string;
  /** The agent who uploaded it, or null. */
  uploadedBy: string | null;
  /** The customer who uploaded it on the portal, or null. */
  uploadedByContact: string | null;
  messageId: string | null;
}

export function toStoredAttachment(row: Selectable<AttachmentsTable>): StoredAttachment {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    uploadedBy: row.uploaded_by,
    uploadedByContact: row.uploaded_by_contact,
    name: row.name,
    mimeType: row.mime_type,
    size: Number(row.size),
    kind: row.kind as AttachmentKind,
    messageId: row.message_id,
  };
}

export async function findAttachment(db: Kysely<DB>, tenantId: string, id: string): Promise<StoredAttachment | null> {
  const row = await db.selectFrom('attachments').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return row ? toStoredAttachment(row) : null;
}

export interface UploadInput {
  tenantId: string;
  id: string;
  uploadedBy: string | null;
  uploadedByContact: string | null;
  name: string;
  type: AttachmentType;
  body: Readable;
  now: number;
}

/** Streams `body` to disk, refusing it as soon as it passes the type's limit. */
export async function saveUpload(db: Kysely<DB>, files: AttachmentFiles, input: UploadInput): Promise<StoredAttachment> {
  const target = fileOf(files, input.tenantId, input.id);
  await mkdir(path.dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.${input.now}.part`;
  const hash = createHash('sha256');
  let size = 0;
  const limit = input.type.maxBytes;
  try {
    await pipeline(
      input.body,
      async function* count(source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          size += chunk.length;
          if (size > limit) {
            throw new ProtocolFailure(
              'invalid',
              `${input.name} is larger than ${limit / (1024 * 1024)} MB, the limit for this type.`,
              reason('fileTooLarge', { name: input.name, size, limit }),
            );
          }
          hash.update(chunk);
          yield chunk;
        }
      },
      createWriteStream(partial),
    );
    if (size === 0) throw new ProtocolFailure('invalid', 'The file is empty.', reason('fileEmpty'));
    const sha256 = hash.digest('hex');

    const existing = await db.selectFrom('attachments').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (existing) {
      if (existing.tenant_id !== input.tenantId || existing.sha256 !== sha256) {
        throw new ProtocolFailure('conflict', `Attachment id ${input.id} is already used for another file.`);
      }
      return toStoredAttachment(existing);
    }
    await rename(partial, target);
    const row: Selectable<AttachmentsTable> = {
      id: input.id,
      tenant_id: input.tenantId,
      uploaded_by: input.uploadedBy,
      uploaded_by_contact: input.uploadedByContact,
      name: input.name,
      mime_type: input.type.mimeType,
      size,
      kind: input.type.kind,
      sha256,
      message_id: null,
      created_at: input.now,
    };
    await db.insertInto('attachments').values(row).execute();
    return toStoredAttachment(row);
  } finally {
    await rm(partial, { force: true });
  }
}

/** The stored bytes of an attachment of `tenantId`, or null when there is none. */
export async function openAttachment(
  db: Kysely<DB>,
  files: AttachmentFiles,
  tenantId: string,
  id: string,
): Promise<{ attachment: StoredAttachment; stream: Readable } | null> {
  if (!isAttachmentId(id)) return null;
  const attachment = await findAttachment(db, tenantId, id);
  if (!attachment) return null;
  const file = fileOf(files, tenantId, id);
  try {
    await stat(file);
  } catch {
    return null;
  }
  return { attachment, stream: createReadStream(file) };
}
