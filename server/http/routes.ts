// HTTP endpoints: login, health, channel webhooks. Every error answers { error: { code, message } }.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { type Channel, channelSchema } from '../../shared/domain';
import {
  HTTP,
  type LoginResponse,
  loginRequestSchema,
  type ProtocolErrorCode,
  WEBHOOK_SECRET_HEADER,
  activityWebhookSchema,
  webhookSchemas,
} from '../../shared/protocol';
import { UNMATCHABLE_HASH, verifyPassword } from '../auth/passwords';
import { matchesHash, newToken, sha256 } from '../auth/tokens';
import type { DB } from '../db/schema';
import { describeZodError } from '../errors';
import type { Logger } from '../log';
import { errorFields } from '../log';
import type { ActivityHub } from '../activity/hub';
import { handleKindFor } from '../channels/adapter';
import { receiveInbound } from '../operations/inbound';
import { findContactByHandle } from '../store/contacts';
import { findOpenConversation } from '../store/conversations';
import { describeInbound } from '../operations/inboundPayload';
import { createSession, findAgentByEmail, getTenant, type TenantRow } from '../store/directory';
import { cachedTenantLookup } from '../store/tenantCache';
import type { Writer } from '../sync/writer';

export interface HttpDeps {
  db: Kysely<DB>;
  writer: Writer;
  newId: () => string;
  now: () => number;
  log: Logger;
  activity: ActivityHub;
}

export function fail(reply: FastifyReply, status: number, code: ProtocolErrorCode | 'badCredentials', message: string) {
  return reply.code(status).send({ error: { code, message } });
}

export function registerRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const tenantBySlug = cachedTenantLookup(deps.db, { now: deps.now });
  app.setNotFoundHandler((request, reply) => fail(reply, 404, 'notFound', `No route ${request.method} ${request.url}.`));
  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    // Fastify's own 4xx: unparsable JSON, unsupported content type, body too large.
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return fail(reply, error.statusCode, 'invalid', error.message);
    }
    deps.log.error('http request failed', errorFields(error));
    return fail(reply, 500, 'internal', 'Internal server error.');
  });

  app.get(HTTP.health, async () => ({ ok: true }));

  app.post(HTTP.login, async (request, reply) => {
    const parsed = loginRequestSchema.safeParse(request.body);
    if (!parsed.success) return fail(reply, 400, 'invalid', describeZodError(parsed.error));
    const agent = await findAgentByEmail(deps.db, parsed.data.email);
    const ok = await verifyPassword(parsed.data.password, agent?.passwordHash ?? UNMATCHABLE_HASH);
    if (!agent || !ok) return fail(reply, 401, 'badCredentials', 'Wrong email or password.');
    const token = newToken();
    await createSession(deps.db, { tokenHash: sha256(token), agentId: agent.id, tenantId: agent.tenantId, now: deps.now() });
    const tenant = await getTenant(deps.db, agent.tenantId);
    const response: LoginResponse = {
      token,
      agent: { id: agent.id, name: agent.name, email: agent.email, role: agent.role },
      tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name },
    };
    return response;
  });

  /** The channel and tenant a webhook is for, with its secret checked; null once a refusal was sent. */
  async function webhookCaller(
    request: FastifyRequest<{ Params: { tenant: string; channel: string } }>,
    reply: FastifyReply,
  ): Promise<{ channel: Channel; tenant: TenantRow } | null> {
    const channel = channelSchema.safeParse(request.params.channel);
    if (!channel.success) {
      fail(reply, 404, 'notFound', `Unknown channel "${request.params.channel}".`);
      return null;
    }
    const tenant = await tenantBySlug(request.params.tenant);
    if (!tenant) {
      fail(reply, 404, 'notFound', `Unknown tenant "${request.params.tenant}".`);
      return null;
    }
    const secret = request.headers[WEBHOOK_SECRET_HEADER];
    if (typeof secret !== 'string' || !matchesHash(secret, tenant.webhookSecretHash)) {
      fail(reply, 401, 'unauthorized', `Missing or wrong ${WEBHOOK_SECRET_HEADER} header.`);
      return null;
    }
    return { channel: channel.data, tenant };
  }

  app.post<{ Params: { tenant: string; channel: string } }>(HTTP.webhook(':tenant', ':channel'), async (request, reply) => {
    const caller = await webhookCaller(request, reply);
    if (!caller) return reply;
    const { channel, tenant } = caller;
    const body = webhookSchemas[channel].safeParse(request.body);
    if (!body.success) {
      return fail(reply, 400, 'invalid', `Invalid ${channel} webhook: ${describeZodError(body.error)}`);
    }
    const inbound = describeInbound(channel, body.data);
    const { contactId, ...answer } = await receiveInbound(deps, tenant.id, channel, inbound);
    // A customer who just wrote is online and no longer typing.
    if (contactId !== null) deps.activity.presence(tenant.id, contactId, true);
    deps.activity.typing(tenant.id, answer.conversationId, null, false);
    return answer;
  });

  app.post<{ Params: { tenant: string; channel: string } }>(HTTP.activityWebhook(':tenant', ':channel'), async (request, reply) => {
    const caller = await webhookCaller(request, reply);
    if (!caller) return reply;
    const { channel, tenant } = caller;
    const body = activityWebhookSchema.safeParse(request.body);
    if (!body.success) return fail(reply, 400, 'invalid', `Invalid activity webhook: ${describeZodError(body.error)}`);
    const contact = await findContactByHandle(deps.db, tenant.id, { kind: handleKindFor(channel), value: body.data.from });
    if (!contact) return fail(reply, 404, 'notFound', `No customer ${body.data.from} on ${channel}.`);
    if (body.data.online !== undefined) deps.activity.presence(tenant.id, contact.id, body.data.online);
    if (body.data.typing !== undefined) {
      const conversation = await findOpenConversation(deps.db, tenant.id, contact.id);
      if (conversation) {
        deps.activity.presence(tenant.id, contact.id, true);
        deps.activity.typing(tenant.id, conversation.id, null, body.data.typing);
      }
    }
    return { ok: true };
  });
}
