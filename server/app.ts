// Composition root: wires storage, the write path, channels, HTTP, socket.io and the background
// jobs, and tears them down in reverse order.
import Fastify from 'fastify';
import { createActivityHub } from './activity/hub';
import { attachmentFiles } from './attachments/store';
import { closeChannels, createSimulatedChannels, recordOutbound } from './channels/registry';
import { registerAttachmentRoutes } from './http/attachments';
import type { ServerConfig } from './config';
import { migrate } from './db/migrate';
import { MIGRATIONS } from './db/migrations';
import { openDatabase } from './db/open';
import { registerRoutes } from './http/routes';
import { createIdGenerator } from './ids';
import { errorFields, type Logger } from './log';
import { applyReceipt } from './operations/receipts';
import { seed } from './seed/seed';
import { startSimulator } from './simulator/simulator';
import { openConversationTargets } from './simulator/targets';
import { createHandlers } from './socket/handlers';
import { createSocketServer, serveRequests, tenantRoom } from './socket/server';
import { countTenants, getAgentProfile } from './store/directory';
import { startRetention } from './sync/retention';
import { createWriter, type Publisher } from './sync/writer';
import { DEMO_TENANT } from '../shared/demo';
import type { PortalDemoLink } from '../shared/portal';
import { demoPortalLinks } from './portal/demoLinks';
import { createPortalHub } from './portal/liveEvents';
import { registerPortalRoutes } from './portal/routes';
import { conversationOwners } from './portal/store';
import { startWorkflowTimers } from './workflow/timers';

export interface RunningServer {
  url: string;
  port: number;
  /** Portal sign-in links for `count` demo customers of the demo tenant. */
  portalLinks(count: number): Promise<PortalDemoLink[]>;
  close(): Promise<void>;
}

export async function startServer(config: ServerConfig, log: Logger): Promise<RunningServer> {
  const now = () => Date.now();
  const newId = createIdGenerator();
  const onError = (error: unknown) => log.error('background task failed', errorFields(error));

  const database = openDatabase(config);
  const db = database.db;
  try {
    const applied = await migrate(database, MIGRATIONS, now);
    if (applied.length > 0) log.info('migrated', { versions: applied });
    if (config.seed !== 'none' && (await countTenants(db)) === 0) {
      const started = now();
      await seed(database, config.seed, { now: started, newId });
      log.info('seeded', { mode: config.seed, ms: now() - started });
    }
  } catch (error) {
    await database.close();
    throw error;
  }

  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  const { io, publisher: agents } = createSocketServer(app.server, { db, log });
  const portalHub = createPortalHub({
    owners: (tenantId, ids) => conversationOwners(db, tenantId, ids),
    staffName: async (tenantId, agentId) => (await getAgentProfile(db, tenantId, agentId))?.name ?? null,
    onError,
  });
  const publisher: Publisher = {
    publish(tenantId, events) {
      agents.publish(tenantId, events);
      portalHub.publish(tenantId, events);
    },
  };
  const writer = createWriter({ database, publisher, now, retainEvents: config.retainEvents });
  const carriers = createSimulatedChannels({
    delayScale: config.carrierDelayScale,
    random: Math.random,
    newId,
    onReceipt: (receipt) => applyReceipt(writer, receipt),
    onError,
  });
  const channels = config.outboundLog ? recordOutbound(carriers, config.outboundLog) : carriers;
  const activity = createActivityHub({ now });
  activity.subscribe((tenantId, event) => void io.to(tenantRoom(tenantId)).emit('activity', event));
  // Agents typing reach the customer on the portal too.
  activity.subscribe((tenantId, event) => {
    if (event.type === 'typing' && event.agentId !== null) portalHub.typing(tenantId, event.conversationId, event.agentId, event.typing);
  });
  const files = attachmentFiles(config.dataDir);
  registerRoutes(app, { db, writer, newId, now, log, activity });
  registerAttachmentRoutes(app, { db, files, now });
  registerPortalRoutes(app, { db, writer, newId, now, hub: portalHub, portalDir: config.portalDir, files, activity });
  serveRequests(io, createHandlers({ db, writer, channels, newId, onError, now, activity, workflow: config.workflow }), log);

  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const url = `http://${config.host}:${port}`;

  const retention = startRetention({ db, writer, retainMs: config.retainMs, now, onError });
  const timers = startWorkflowTimers({ db, writer, newId, workflow: config.workflow, onError });
  const simulator = config.simulate
    ? startSimulator({ url, targets: openConversationTargets(db, Math.random), random: Math.random, newId, onError, typingMs: 2_500 })
    : null;

  return {
    url,
    port,
    portalLinks: (count) => demoPortalLinks(db, { tenantSlug: DEMO_TENANT.slug, baseUrl: url, now: now(), count }),
    async close() {
      await simulator?.stop();
      await retention.stop();
      await timers.stop();
      closeChannels(channels);
      activity.close();
      io.disconnectSockets(true);
      portalHub.close();
      await app.close();
      await writer.idle();
      await database.close();
    },
  };
}
