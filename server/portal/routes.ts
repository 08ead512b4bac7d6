// The customer portal over HTTP: its pages and built assets, the magic-link sign-in, the JSON API
// and the Server-Sent Events stream, all under /portal/. The session lives in an httpOnly,
// SameSite=Strict cookie scoped to the tenant's portal path; every API call re-checks it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  PORTAL,
  PORTAL_CHANGED_EVENT,
  PORTAL_SESSION_COOKIE,
  PORTAL_TYPING_EVENT,
  type PortalMe,
  portalReadRequestSchema,
  portalSendRequestSchema,
  portalTypingRequestSchema,
} from '../../shared/portal';
import type { ActivityHub } from '../activity/hub';
import { type AttachmentFiles, findAttachment, isAttachmentId, openAttachment } from '../attachments/store';
import { newToken, sha256 } from '../auth/tokens';
import { describeZodError, ProtocolFailure } from '../errors';
import { rawBodies, receiveUpload, sendAttachment } from '../http/attachments';
import { fail } from '../http/routes';
import { findTenantBySlug, type TenantRow } from '../store/directory';
import type { PortalHub } from './liveEvents';
import { verifyMagicToken } from './magicLink';
import { customerMaySee, listConversations, markReadByCustomer, openThread, type PortalDeps, sendFromPortal } from './operations';
import { createPortalSession, customerConversation, deletePortalSession, findContact, findPortalSession, type PortalSession, portalSettings } from './store';

export interface PortalRouteDeps extends PortalDeps {
  now: () => number;
  hub: PortalHub;
  /** The built portal (index.html, assets/); null serves no pages, only the API. */
  portalDir: string | null;
  files: AttachmentFiles;
  activity: ActivityHub;
}

const SESSION_MS = 7 * 24 * 60 * 60 * 1000;
const HEARTBEAT_MS = 20_000;

/** Scripts, styles and data only from this origin; no inline code, no framing, no referrer. */
export const PORTAL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE_HEADERS = {
  'content-security-policy': PORTAL_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

type Params = { tenant: string };
type ThreadParams = Params & { id: string };

function readCookie(request: FastifyRequest, name: string): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

function sessionCookie(request: FastifyRequest, tenant: string, value: string, maxAgeSec: number): string {
  const secure = request.protocol === 'https' ? '; Secure' : '';
  return `${PORTAL_SESSION_COOKIE}=${value}; Path=${PORTAL.root(tenant)}; Max-Age=${maxAgeSec}; HttpOnly; SameSite=Strict${secure}`;
}

export function registerPortalRoutes(app: FastifyInstance, deps: PortalRouteDeps): void {
  const tenantOf = async (request: FastifyRequest<{ Params: Params }>): Promise<TenantRow> => {
    const tenant = await findTenantBySlug(deps.db, request.params.tenant);
    if (!tenant) throw new ProtocolFailure('notFound', `Unknown portal "${request.params.tenant}".`);
    return tenant;
  };

  /** The signed-in customer, or a 401; a write from another origin is refused outright. */
  const authenticate = async (request: FastifyRequest<{ Params: Params }>): Promise<PortalSession> => {
    const origin = request.headers.origin;
    if (request.method !== 'GET' && origin !== undefined && origin !== `${request.protocol}://${request.host}`) {
      throw new ProtocolFailure('forbidden', 'Cross-origin request refused.');
    }
    const tenant = await tenantOf(request);
    const token = readCookie(request, PORTAL_SESSION_COOKIE);
    const session = token ? await findPortalSession(deps.db, sha256(token), deps.now()) : null;
    if (!session || session.tenantId !== tenant.id) throw new ProtocolFailure('unauthorized', 'Not signed in.');
    return session;
  };

  const parse = <T extends z.ZodType>(schema: T, body: unknown): z.infer<T> => {
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new ProtocolFailure('invalid', describeZodError(parsed.error));
    return parsed.data;
  };

  const STATUS: Record<string, number> = { invalid: 400, unauthorized: 401, forbidden: 403, notFound: 404, conflict: 409 };
  const api = <P extends Params>(handler: (request: FastifyRequest<{ Params: P }>, reply: FastifyReply) => Promise<unknown>) =>
    async (request: FastifyRequest<{ Params: P }>, reply: FastifyReply) => {
      try {
        void reply.header('cache-control', 'no-store').header('x-content-type-options', 'nosniff');
        return await handler(request, reply);
      } catch (error) {
        if (error instanceof ProtocolFailure) return fail(reply, STATUS[error.code] ?? 400, error.code, error.message);
        throw error;
      }
    };

  // Pages: one HTML document; the page itself routes between the list and a thread.
  const page = api<Params>(async (request, reply) => {
    await tenantOf(request);
    if (deps.portalDir === null) return fail(reply, 404, 'notFound', 'This server has no portal pages.');
    let html: string;
    try {
      html = await readFile(path.join(deps.portalDir, 'index.html'), 'utf8');
    } catch {
      return fail(reply, 503, 'internal', 'The portal is not built yet: run `npm run build`.');
    }
    return reply.headers(PAGE_HEADERS).type('text/html; charset=utf-8').send(html);
  });
  app.get<{ Params: Params }>('/portal/:tenant', (request, reply) => reply.redirect(PORTAL.root(request.params.tenant), 301));
  app.get<{ Params: Params }>('/portal/:tenant/', page);
  app.get<{ Params: Params }>('/portal/:tenant/new', page);
  app.get<{ Params: ThreadParams }>('/portal/:tenant/conversations/:id', page);

  app.get<{ Params: { file: string } }>(`${PORTAL.assets}:file`, async (request, reply) => {
    const file = request.params.file;
    const type = CONTENT_TYPES[path.extname(file)];
    if (deps.portalDir === null || !/^[\w.-]+$/.test(file) || type === undefined) return fail(reply, 404, 'notFound', 'No such file.');
    try {
      const body = await readFile(path.join(deps.portalDir, 'assets', file));
      // Built file names carry a content hash, so they never change under the same name.
      return reply
        .headers({ 'x-content-type-options': 'nosniff', 'cache-control': 'public, max-age=31536000, immutable' })
        .type(type)
        .send(body);
    } catch {
      return fail(reply, 404, 'notFound', 'No such file.');
    }
  });

  app.get<{ Params: Params; Querystring: { token?: string } }>('/portal/:tenant/sign-in', async (request, reply) => {
    const tenant = await findTenantBySlug(deps.db, request.params.tenant);
    if (!tenant) return fail(reply, 404, 'notFound', `Unknown portal "${request.params.tenant}".`);
    void reply.headers({ 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' });
    const { signingSecret } = await portalSettings(deps.db, tenant.id);
    const now = deps.now();
    const check = verifyMagicToken(signingSecret, request.query.token ?? '', now);
    const contact = check.ok ? await findContact(deps.db, tenant.id, check.claims.contactId) : null;
    if (!check.ok || !contact) {
      return reply.redirect(`${PORTAL.root(tenant.slug)}?signIn=${check.ok ? 'invalid' : check.reason}`, 303);
    }
    const token = newToken();
    await createPortalSession(deps.db, { tokenHash: sha256(token), tenantId: tenant.id, contactId: contact.id, now, expiresAt: now + SESSION_MS });
    return reply.header('set-cookie', sessionCookie(request, tenant.slug, token, SESSION_MS / 1000)).redirect(PORTAL.root(tenant.slug), 303);
  });

  app.post<{ Params: Params }>(
    '/portal/:tenant/api/sign-out',
    api(async (request, reply) => {
      await authenticate(request);
      const token = readCookie(request, PORTAL_SESSION_COOKIE);
      if (token) await deletePortalSession(deps.db, sha256(token));
      return reply.header('set-cookie', sessionCookie(request, request.params.tenant, '', 0)).send({ ok: true });
    }),
  );

  app.get<{ Params: Params }>(
    '/portal/:tenant/api/me',
    api(async (request) => {
      const session = await authenticate(request);
      const tenant = await tenantOf(request);
      const contact = await findContact(deps.db, session.tenantId, session.contactId);
      const { replyWithinMinutes } = await portalSettings(deps.db, session.tenantId);
      const me: PortalMe = { customer: { name: contact?.name ?? '' }, team: { name: tenant.name }, replyWithinMinutes };
      return me;
    }),
  );

  app.get<{ Params: Params }>(
    '/portal/:tenant/api/conversations',
    api(async (request) => ({ conversations: await listConversations(deps, await authenticate(request)) })),
  );

  app.post<{ Params: Params }>(
    '/portal/:tenant/api/conversations',
    api(async (request) => sendFromPortal(deps, await authenticate(request), null, parse(portalSendRequestSchema, request.body))),
  );

  app.get<{ Params: ThreadParams }>(
    '/portal/:tenant/api/conversations/:id',
    api(async (request) => openThread(deps, await authenticate(request), request.params.id)),
  );

  app.post<{ Params: ThreadParams }>(
    '/portal/:tenant/api/conversations/:id/messages',
    api(async (request) =>
      sendFromPortal(deps, await authenticate(request), request.params.id, parse(portalSendRequestSchema, request.body)),
    ),
  );

  app.post<{ Params: ThreadParams }>(
    '/portal/:tenant/api/conversations/:id/read',
    api(async (request) => {
      const { upToSeq } = parse(portalReadRequestSchema, request.body);
      await markReadByCustomer(deps, await authenticate(request), request.params.id, upToSeq);
      return { ok: true };
    }),
  );

  // Files: a customer uploads for their own next message, with the portal's limits, and fetches
  // only files of messages they can see (or their own, not yet sent).
  type FileParams = Params & { id: string };
  void app.register(async (scope) => {
    rawBodies(scope);
    scope.put<{ Params: FileParams }>(
      '/portal/:tenant/api/attachments/:id',
      api(async (request, reply) => {
        const session = await authenticate(request);
        return receiveUpload(deps, request, reply, { tenantId: session.tenantId, channel: 'portal', uploadedBy: null, uploadedByContact: session.contactId });
      }),
    );
  });
  app.get<{ Params: FileParams }>(
    '/portal/:tenant/api/attachments/:id',
    api(async (request, reply) => {
      const session = await authenticate(request);
      const notFound = new ProtocolFailure('notFound', `Attachment ${request.params.id} not found.`);
      const attachment = isAttachmentId(request.params.id) ? await findAttachment(deps.db, session.tenantId, request.params.id) : null;
      if (!attachment || !(await customerMaySee(deps, session, attachment))) throw notFound;
      const found = await openAttachment(deps.db, deps.files, session.tenantId, attachment.id);
      if (!found) throw notFound;
      return sendAttachment(reply, found);
    }),
  );

  app.post<{ Params: ThreadParams }>(
    '/portal/:tenant/api/conversations/:id/typing',
    api(async (request) => {
      const { typing } = parse(portalTypingRequestSchema, request.body);
      const session = await authenticate(request);
      const conversation = await customerConversation(deps.db, session, request.params.id);
      if (!conversation) throw new ProtocolFailure('notFound', `Conversation ${request.params.id} not found.`);
      deps.activity.typing(session.tenantId, conversation.id, null, typing);
      return { ok: true };
    }),
  );

  app.get<{ Params: Params }>(
    '/portal/:tenant/api/events',
    api(async (request, reply) => {
      const session = await authenticate(request);
      reply.hijack();
      const out = reply.raw;
      out.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        connection: 'keep-alive',
        // Proxies that buffer would hold events back.
        'x-accel-buffering': 'no',
      });
      const send = (event: string, data: unknown) => out.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      out.write('retry: 3000\n\n');
      const unsubscribe = deps.hub.subscribe(session.tenantId, {
        contactId: session.contactId,
        changed: (conversationIds) => send(PORTAL_CHANGED_EVENT, { conversationIds }),
        typing: (event) => send(PORTAL_TYPING_EVENT, event),
        close: () => out.end(),
      });
      // A customer with the portal open is online for the agents; each heartbeat renews it.
      deps.activity.presence(session.tenantId, session.contactId, true);
      const heartbeat = setInterval(() => {
        out.write(': keep-alive\n\n');
        deps.activity.presence(session.tenantId, session.contactId, true);
      }, HEARTBEAT_MS);
      send('ready', {});
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
        deps.activity.presence(session.tenantId, session.contactId, false);
      });
    }),
  );
}
