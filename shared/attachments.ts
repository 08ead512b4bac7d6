// What may be attached to a message, checked the same way in the renderer (before anything is
// queued), in the server (before anything is stored) and in the customer portal.
import type { AttachmentKind, Channel } from './domain';
import { reason, type Reason } from './reasons';

const MB = 1024 * 1024;

export interface AttachmentType {
  mimeType: string;
  /** File name endings that identify the type when the browser reports no MIME type. */
  extensions: readonly string[];
  kind: AttachmentKind;
  maxBytes: number;
  /** Only these channels carry the type; undefined means every channel. */
  channels?: readonly Channel[];
}

export const ATTACHMENT_TYPES: readonly AttachmentType[] = [
  { mimeType: 'image/jpeg', extensions: ['jpg', 'jpeg'], kind: 'image', maxBytes: 5 * MB },
  { mimeType: 'image/png', extensions: ['png'], kind: 'image', maxBytes: 5 * MB },
  { mimeType: 'image/gif', extensions: ['gif'], kind: 'image', maxBytes: 5 * MB },
  { mimeType: 'application/pdf', extensions: ['pdf'], kind: 'document', maxBytes: 10 * MB },
  { mimeType: 'application/msword', extensions: ['doc'], kind: 'document', maxBytes: 10 * MB },
  {
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    kind: 'document',
    maxBytes: 10 * MB,
  },
  { mimeType: 'application/vnd.ms-excel', extensions: ['xls'], kind: 'document', maxBytes: 10 * MB },
  {
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    kind: 'document',
    maxBytes: 10 * MB,
  },
  { mimeType: 'video/mp4', extensions: ['mp4'], kind: 'video', maxBytes: 16 * MB, channels: ['whatsapp'] },
];

/** The largest file any channel accepts: an upper bound for request bodies. */
export const MAX_ATTACHMENT_BYTES = Math.max(...ATTACHMENT_TYPES.map((t) => t.maxBytes));

/**
 * Bytes per chunk when a file crosses the IPC boundary. A multiple of 3, so base64 chunks
 * concatenate into valid base64, and small enough that one chunk fits any bridge frame.
 */
export const ATTACHMENT_CHUNK_BYTES = 3 * 128 * 1024;

export interface AttachmentCandidate {
  name: string;
  /** As the browser or the upload reports it; may be empty. */
  mimeType: string;
  size: number;
}

export type AttachmentRefusal =
  | { code: 'emptyFile' }
  | { code: 'unsupportedType'; name: string }
  | { code: 'tooLarge'; name: string; size: number; maxBytes: number }
  | { code: 'channelNotAllowed'; name: string; channels: readonly Channel[] };

export type AttachmentCheck = { ok: true; type: AttachmentType } | { ok: false; refusal: AttachmentRefusal };

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The known type of a file, by MIME type first, else by its name's ending. */
export function attachmentTypeOf(candidate: Pick<AttachmentCandidate, 'name' | 'mimeType'>): AttachmentType | null {
  const mime = candidate.mimeType.trim().toLowerCase();
  const byMime = ATTACHMENT_TYPES.find((t) => t.mimeType === mime);
  if (byMime) return byMime;
  if (mime !== '' && mime !== 'application/octet-stream') return null;
  const ext = extensionOf(candidate.name);
  return ATTACHMENT_TYPES.find((t) => t.extensions.includes(ext)) ?? null;
}

/** Whether `candidate` may be sent on `channel`; a refusal says exactly why. */
export function checkAttachment(candidate: AttachmentCandidate, channel: Channel): AttachmentCheck {
  if (candidate.size <= 0) return { ok: false, refusal: { code: 'emptyFile' } };
  const type = attachmentTypeOf(candidate);
  if (!type) return { ok: false, refusal: { code: 'unsupportedType', name: candidate.name } };
  if (type.channels && !type.channels.includes(channel)) {
    return { ok: false, refusal: { code: 'channelNotAllowed', name: candidate.name, channels: type.channels } };
  }
  if (candidate.size > type.maxBytes) {
    return { ok: false, refusal: { code: 'tooLarge', name: candidate.name, size: candidate.size, maxBytes: type.maxBytes } };
  }
  return { ok: true, type };
}

/** Why a file is not going with the message: a refusal, too many files, or a read or upload that failed. */
export type AttachmentProblem = AttachmentRefusal | { code: 'tooMany'; max: number } | { code: 'readFailed' | 'uploadFailed'; name: string };

/**
 * The values a translated problem message (`attachments.refused.<code>`) needs, with sizes in the
 * reader's locale: the console and the portal word the same problems the same way.
 */
export function problemValues(problem: AttachmentProblem, locale: string): Record<string, string | number> {
  switch (problem.code) {
    case 'tooLarge':
      return { name: problem.name, size: formatFileSize(problem.size, locale), limit: formatFileSize(problem.maxBytes, locale) };
    case 'tooMany':
      return { max: problem.max };
    case 'emptyFile':
      return {};
    default:
      return { name: problem.name };
  }
}

/** Plain English for logs and server errors; the renderer translates the refusal code instead. */
export function describeRefusal(refusal: AttachmentRefusal): string {
  switch (refusal.code) {
    case 'emptyFile':
      return 'The file is empty.';
    case 'unsupportedType':
      return `${refusal.name}: only JPG, PNG, GIF, PDF, DOC, XLS and MP4 files can be sent.`;
    case 'tooLarge':
      return `${refusal.name} is ${formatMegabytes(refusal.size)}; the limit for this type is ${formatMegabytes(refusal.maxBytes)}.`;
    case 'channelNotAllowed':
      return `${refusal.name}: this type can only be sent on ${refusal.channels.join(', ')}.`;
  }
}

/** The refusal as a reason a console translates (`reasons.file…`). */
export function refusalReason(refusal: AttachmentRefusal): Reason {
  switch (refusal.code) {
    case 'emptyFile':
      return reason('fileEmpty');
    case 'unsupportedType':
      return reason('fileUnsupported', { name: refusal.name });
    case 'tooLarge':
      return reason('fileTooLarge', { name: refusal.name, size: refusal.size, limit: refusal.maxBytes });
    case 'channelNotAllowed':
      return reason('fileChannelNotAllowed', { name: refusal.name });
  }
}

/** A file size in the reader's locale: "820 kB", "4.2 MB" (the console and the portal alike). */
export function formatFileSize(bytes: number, locale: string): string {
  const [value, unit] = bytes >= MB ? [bytes / MB, 'megabyte'] : [Math.max(1, Math.round(bytes / 1024)), 'kilobyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}
