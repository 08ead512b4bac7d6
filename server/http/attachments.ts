// Attachment upload and download for agents (bearer token). An upload names the conversation it is
// for, so the channel's rules apply before a byte is stored: type, size and channel are checked on
// the declared headers first (a refused file is never read), then again while streaming. The
// customer portal uploads and downloads through the same steps (receiveUpload, sendAttachment).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Readable } from 'node:stream';
import { checkAttachment, describeRefusal, MAX_ATTACHMENT_BYTES, refusalReason } from '../../shared/attachments';
import { ATTACHMENT_HEADERS, HTTP } from '../../shared/protocol';
import { sha256 } from '../auth/tokens';
import { type AttachmentFiles, isAttachmentId, openAttachment, saveUpload, type StoredAttachment } from '../attachments/store';
import { type OutboundChannel, outboundChannelFor } from '../channels/adapter';
import type { DB } from '../db/schema';
import { ProtocolFailure } from '../errors';
import { getConversation } from '../store/conversations';
import { findSession, type Session } from '../store/directory';

export interface AttachmentRouteDeps {
  db: Kysely<DB>;
  files: AttachmentFiles;
  now: () => number;
}

const STATUS: Record<string, number> = { invalid: 400, unauthorized: 401, forbidden: 403, notFound: 404, conflict: 409 };

function fail(reply: FastifyReply, status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
  return reply.code(status).send({ error: { code, message, ...extra } });
}

async function authenticate(db: Kysely<DB>, request: FastifyRequest): Promise<Session | null> {
  const header = request.headers.authorization;
  const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : '';
  if (token === '') return null;
  return findSession(db, sha256(token));
}

function headerText(request: FastifyRequest, name: string): string {
  const value = request.headers[name];
  return typeof value === 'string' ? value : '';
}

/** RFC 5987-style filename for Content-Disposition; the plain form keeps only safe ASCII. */
function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * A refused upload is not stored, but its bytes are read and dropped (up to a bound) so the client
 * finishes sending and hears the reason, instead of a broken pipe it would retry.
 */
function discard(body: Readable): void {
  let dropped = 0;
  body.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DISCARD_LIMIT) body.destroy();
  });
  body.on('error', () => undefined);
}

const DISCARD_LIMIT = 2 * MAX_ATTACHMENT_BYTES;

/** Who a file is uploaded by and for which channel's limits. */
export interface UploadTarget {
  tenantId: string;
  channel: OutboundChannel;
  uploadedBy: string | null;
  uploadedByContact: string | null;
}

/** Makes request bodies in `scope` reach handlers as raw streams, to be checked, then streamed to disk. */
export function rawBodies(scope: FastifyInstance): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
}

/**
 * Answers an upload (`PUT`, raw body): the file named by the headers is checked against the
 * channel's limits before a byte is stored, then streamed to disk under the client's id.
 */
export async function receiveUpload(
  deps: AttachmentRouteDeps,
  request: FastifyRequest<{ Params: { id: string } }>,
  reply: FastifyReply,
  target: UploadTarget,
) {
  const { id } = request.params;
  if (!isAttachmentId(id)) return fail(reply, 400, 'invalid', `Bad attachment id "${id}".`);
  let name: string;
  try {
    name = decodeURIComponent(headerText(request, ATTACHMENT_HEADERS.fileName)).trim();
  } catch {
    name = '';
  }
  if (name === '' || name.length > 255) return fail(reply, 400, 'invalid', `The ${ATTACHMENT_HEADERS.fileName} header must name the file.`);
  const declared = Number(headerText(request, 'content-length'));
  const check = checkAttachment(
    { name, mimeType: headerText(request, 'content-type').split(';')[0] ?? '', size: Number.isFinite(declared) && declared > 0 ? declared : 1 },
    target.channel,
  );
  if (!check.ok) {
    const status = check.refusal.code === 'tooLarge' ? 413 : check.refusal.code === 'unsupportedType' ? 415 : 422;
    discard(request.body as Readable);
    return fail(reply, status, 'invalid', describeRefusal(check.refusal), { refusal: check.refusal, reason: refusalReason(check.refusal) });
  }
  try {
    const stored = await saveUpload(deps.db, deps.files, {
      tenantId: target.tenantId,
      id,
      uploadedBy: target.uploadedBy,
      uploadedByContact: target.uploadedByContact,
      name,
      type: check.type,
      body: request.body as Readable,
      now: deps.now(),
    });
    const { tenantId: _t, uploadedBy: _u, uploadedByContact: _c, messageId: _m, ...attachment } = stored;
    return { attachment };
  } catch (error) {
    if (error instanceof ProtocolFailure) {
      reply.header('connection', 'close');
      return fail(reply, STATUS[error.code] ?? 400, error.code, error.message, error.reason ? { reason: error.reason } : {});
    }
    throw error;
  }
}

/** Sends a stored file as a download under the name it was uploaded with. */
export function sendAttachment(reply: FastifyReply, { attachment, stream }: { attachment: StoredAttachment; stream: Readable }) {
  return reply
    .header('content-type', attachment.mimeType)
    .header('content-length', String(attachment.size))
    .header('content-disposition', disposition(attachment.name))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, max-age=31536000, immutable')
    .send(stream);
}

export function registerAttachmentRoutes(app: FastifyInstance, deps: AttachmentRouteDeps): void {
  void app.register(async (scope) => {
    rawBodies(scope);

    scope.put<{ Params: { id: string }; Querystring: { conversationId?: string } }>(HTTP.attachment(':id'), async (request, reply) => {
      const session = await authenticate(deps.db, request);
      if (!session) return fail(reply, 401, 'unauthorized', 'Missing or unknown session token.');
      const conversationId = request.query.conversationId ?? '';
      const conversation = conversationId === '' ? null : await getConversation(deps.db, session.tenantId, conversationId);
      if (!conversation) return fail(reply, 404, 'notFound', `Conversation ${conversationId || '(none)'} not found.`);
      return receiveUpload(deps, request, reply, {
        tenantId: session.tenantId,
        channel: outboundChannelFor(conversation.channel),
        uploadedBy: session.agentId,
        uploadedByContact: null,
      });
    });

    scope.get<{ Params: { id: string } }>(HTTP.attachment(':id'), async (request, reply) => {
      const session = await authenticate(deps.db, request);
      if (!session) return fail(reply, 401, 'unauthorized', 'Missing or unknown session token.');
      const found = await openAttachment(deps.db, deps.files, session.tenantId, request.params.id);
      if (!found) return fail(reply, 404, 'notFound', `Attachment ${request.params.id} not found.`);
      return sendAttachment(reply, found);
    });
  });
}
