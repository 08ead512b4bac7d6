// The core: owns the cache connection, the session, the socket, the sync engine and the outbox
// sender, and wires them together. Handlers (handlers.ts) read and mutate through it.
import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type {
  ConnectionState,
  ConnectionStatus,
  Diagnostics,
  Notice,
  OpenThread,
  PushEventName,
  PushEvents,
  Session,
  SyncProgress,
} from '../../shared/ipc/contract';
import { DeskError } from '../../shared/ipc/result';
import type { DeskNotification } from '../../shared/notifications';
import { activitySchema, socketRequests } from '../../shared/protocol';
import { emptySummary, type ChangeSummary } from './cache/apply';
import { isCorruptionError, moveAside } from './db/corruption';
import { CacheUnusableError, openDatabase, type DbFiles } from './db/open';
import { ChangeCollector, PushEmitter } from './events';
import { readConversationDetail } from './conversationDetail';
import { withOpenThread, type WatchedThread } from './openThread';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './outbox/backoff';
import { kindOf, type SendPayload } from './outbox/kinds';
import { OutboxSender } from './outbox/sender';
import type { OutboxEntry } from './outbox/store';
import { NotificationCenter } from './notifications/center';
import { loadNotificationTexts, loadSettings, saveNotificationTexts } from './settings/settingsStore';
import type { DesktopPort, Logger, Notifier, SecretStore } from './ports';
import { fileSecretStore } from './session/fileSecretStore';
import { login, type FetchLike } from './session/login';
import { ownerOf, readSession, writeSession, type StoredSession } from './session/sessionStore';
import { ActivityState } from './activity';
import { LocalFiles } from './attachments/localFiles';
import { downloadAttachment, uploadAttachment } from './attachments/serverFiles';
import { Store } from './store';
import { DEFAULT_SYNC_TUNING, SyncEngine, type SyncTuning } from './sync/engine';
import { socketIoTransport, TransportError, type Transport, type TransportFactory } from './sync/transport';
import { reason, type Reason } from '../../shared/reasons';
import { workerWriter, type BatchWriter, type BatchWriterFactory } from './writer/batchWriter';
import { smallBatchesInThread } from './writer/smallBatches';
import { rateLimited } from '../../shared/rateLimit';

/** Injectable dependencies and timings; defaults are the real ones. */
export interface CoreDeps {
  now: () => number;
  random: () => number;
  transport: TransportFactory;
  fetch: FetchLike;
  sync: Partial<SyncTuning>;
  outbox: { ackTimeoutMs: number; backoff: BackoffPolicy };
  /** How often diagnostics are logged while connected. */
  diagnosticsIntervalMs: number;
  /** How often queued conversations are checked for reminders. */
  reminderTickMs: number;
  /** Where sync's heavy writes run: a worker thread (the default) or in this thread. */
  writer: BatchWriterFactory;
}

export interface CoreConfig {
  dataDir: string;
  mode: 'electron' | 'host';
  version: string;
  defaultServerUrl: string;
  /** The OS's preferred languages (BCP 47), when the process can ask the OS. */
  systemLocales?: readonly string[];
  secrets?: SecretStore;
  log?: Logger;
  nativeBinding?: string;
  /** Shows notifications natively (desktop); without one the renderer shows them. */
  notifier?: Notifier;
  /** Desktop integration (launch at login); absent in host mode. */
  desktop?: DesktopPort;
  deps?: Partial<CoreDeps>;
  /** Opens a checked http(s)/mailto link in the system browser (the desktop app passes one). */
  openExternal?: (url: string) => Promise<void>;
}

const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

const CACHE_FILE = 'cache.sqlite';
const OUTBOX_FILE = 'outbox.sqlite';
const SESSION_FILE = 'session.json';
const ATTACHMENTS_DIR = 'attachments';
const PRESENCE_TIMEOUT_MS = 10_000;
/** Enough to say everything that went wrong while nobody was looking, without growing forever. */
const MAX_PENDING_NOTICES = 20;
/**
 * The unread count is summed over every unread conversation; under live traffic change notices come
 * tens of times a second, and the badge and title it feeds need it a few times a second at most.
 */
const ATTENTION_INTERVAL_MS = 250;

/** A connection or sync problem: English for logs, a reason for the status bar. */
interface Problem {
  message: string;
  reason: Reason;
}

export const SESSION_EXPIRED: Problem = { message: 'Your session has expired. Log in again to keep working.', reason: reason('sessionExpired') };

export class DeskCore {
  readonly log: Logger;
  readonly emitter = new PushEmitter();
  readonly deps: CoreDeps;
  readonly cacheFile: string;
  private readonly outboxFile: string;
  private readonly secrets: SecretStore;
  private readonly changes = new ChangeCollector();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly engine: SyncEngine;
  private readonly sender: OutboxSender;
  private storeRef: Store | null = null;
  private writerRef: BatchWriter | null = null;
  private sessionRef: StoredSession | null = null;
  private transportRef: Transport | null = null;
  private status: ConnectionStatus = 'offline';
  private connectionError: Problem | null = null;
  private syncProblem: Problem | null = null;
  private progress: SyncProgress | null = null;
  private serverHead: number | null = null;
  private flushScheduled = false;
  private watched: WatchedThread | null = null;
  private diagnosticsTimer: (() => void) | null = null;
  private stopped = false;
  private pendingNotices: Notice[] = [];
  private pendingNavigation: string | null = null;
  private pendingNotifications: DeskNotification[] = [];
  private lastUnread: number | null = null;
  private readonly attention = rateLimited(() => this.emitAttention(), ATTENTION_INTERVAL_MS, {
    now: () => performance.now(),
    schedule: (fn, ms) => this.schedule(fn, ms),
  });
  readonly notifications: NotificationCenter;
  /** Attachment bytes: staged uploads and downloaded copies, beside the outbox. */
  readonly files: LocalFiles;
  readonly activity: ActivityState;
  private readonly downloads = new Map<string, Promise<void>>();

  constructor(readonly config: CoreConfig) {
    this.log = config.log ?? silentLogger;
    this.deps = {
      now: Date.now,
      random: Math.random,
      transport: socketIoTransport,
      fetch: (url, init) => fetch(url, init),
      sync: {},
      outbox: { ackTimeoutMs: 15_000, backoff: DEFAULT_BACKOFF },
      diagnosticsIntervalMs: 60_000,
      reminderTickMs: 5_000,
      // Live batches are written on this thread, catch-up batches and snapshot pages on the writer's.
      writer: smallBatchesInThread(workerWriter),
      ...config.deps,
    };
    this.cacheFile = path.join(config.dataDir, CACHE_FILE);
    this.outboxFile = path.join(config.dataDir, OUTBOX_FILE);
    this.secrets = config.secrets ?? fileSecretStore(path.join(config.dataDir, SESSION_FILE));
    this.files = new LocalFiles(path.join(config.dataDir, ATTACHMENTS_DIR));
    this.activity = new ActivityState(this.deps.now);
    const schedule = (fn: () => void, ms: number) => this.schedule(fn, ms);
    this.notifications = new NotificationCenter({
      db: () => this.store.db,
      self: () => this.sessionView()?.agent ?? null,
      settings: () => this.guard(() => loadSettings(this.store.outboxMeta).notifications),
      log: this.log,
      now: this.deps.now,
      schedule,
      reminderTickMs: this.deps.reminderTickMs,
      savedTexts: {
        load: () => (this.storeRef ? this.guard(() => loadNotificationTexts(this.store.outboxMeta)) : null),
        save: (texts) => {
          if (this.storeRef) this.guard(() => saveNotificationTexts(this.store.outboxMeta, texts));
        },
      },
      deliver: (notification) => {
        const display = config.notifier === undefined;
        // Kept for the page until it takes them: a tab that is closed or reloading misses nothing.
        if (display) this.pendingNotifications = [...this.pendingNotifications, notification].slice(-MAX_PENDING_NOTICES);
        this.emitter.emit('notify', { notification, display });
        config.notifier?.show(notification);
      },
    });
    this.engine = new SyncEngine({
      store: () => this.store,
      writer: () => this.writer,
      transport: () => this.transportRef,
      selfId: () => this.requireSession().agent.id,
      log: this.log,
      random: this.deps.random,
      schedule,
      tuning: { ...DEFAULT_SYNC_TUNING, ...this.deps.sync },
      changed: (summary) => this.changed(summary),
      progress: (p) => {
        this.progress = p;
        this.emitConnection();
      },
      problem: (message) => {
        this.syncProblem = message === null ? null : { message, reason: reason('syncFailed') };
        this.emitConnection();
      },
      mustRefetch: () =>
        this.notify({
          kind: 'mustRefetch',
          message: 'The app was offline longer than the server keeps changes, so it is downloading your inbox again. Unsent messages are kept.',
          reason: reason('mustRefetch'),
        }),
      head: (seq) => {
        this.serverHead = Math.max(this.serverHead ?? 0, seq);
      },
      caughtUp: () => {
        this.logDiagnostics('Caught up');
        this.notifications.caughtUp();
      },
      observe: (events) => this.notifications.observe(events),
      corrupted: (e) => this.recoverCache(e),
    });
    this.sender = new OutboxSender({
      transport: () => this.transportRef,
      now: this.deps.now,
      random: this.deps.random,
      schedule,
      backoff: this.deps.outbox.backoff,
      ackTimeoutMs: this.deps.outbox.ackTimeoutMs,
      log: (message, fields) => this.log.warn(message, fields),
      ops: {
        next: () => this.guard(() => this.store.outbox.next()),
        request: (entry) => {
          const { kind, payload } = kindOf(entry);
          return kind.request(entry, payload);
        },
        prepare: (entry) => this.uploadFiles(entry),
        acknowledged: (entry, value) => {
          this.changed(this.guard(() => this.store.acknowledge(entry, value, this.selfId())), true);
        },
        rejected: (entry, message, why) => {
          this.changed(this.guard(() => this.store.reject(entry, message, this.selfId(), why ?? null)), true);
          this.log.warn('Outbox entry rejected by the server', { entryId: entry.id, kind: entry.kind, reason: message, code: why?.code });
          this.notify(this.describeRejection(entry, message, why));
        },
        attemptFailed: (entry, reason) => {
          this.guard(() => this.store.outbox.recordAttempt(entry.id, reason));
          this.changed(emptySummary(), true);
        },
        changed: () => this.changed(emptySummary(), true),
      },
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Lifecycle

  async start(): Promise<void> {
    fs.mkdirSync(this.config.dataDir, { recursive: true });
    this.storeRef = this.openStore();
    this.writerRef = this.deps.writer(this.dbFiles(), this.storeRef, this.log);
    const stored = await readSession(this.secrets);
    if (stored) {
      this.sessionRef = stored;
      const owner = ownerOf(stored);
      if (this.store.meta.owner !== owner) this.store.resetCache(owner);
      const summary = emptySummary();
      this.store.tx(() => this.store.reapplyOutbox(stored.agent.id, summary));
      if (stored.token !== null) this.connect();
      else this.connectionError = SESSION_EXPIRED;
    }
    this.emitConnection();
    this.notifications.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.notifications.stop();
    this.attention.cancel();
    this.disconnect();
    this.sender.stop();
    await Promise.all([this.engine.stop(), this.sender.idle()]);
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    // The writer's connection closes first: the main connection is the last and records the clean close.
    this.writerRef?.close();
    this.writerRef = null;
    this.storeRef?.close();
    this.storeRef = null;
  }

  on<E extends PushEventName>(event: E, listener: (payload: PushEvents[E]) => void): () => void {
    return this.emitter.on(event, listener);
  }

  private schedule(fn: () => void, ms: number): () => void {
    if (this.stopped) return () => undefined;
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
    return () => {
      clearTimeout(t);
      this.timers.delete(t);
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Cache file and corruption recovery

  get store(): Store {
    if (!this.storeRef) throw new DeskError('internal', 'The local cache is not open.');
    return this.storeRef;
  }

  get writer(): BatchWriter {
    if (!this.writerRef) throw new DeskError('internal', 'The local cache is not open.');
    return this.writerRef;
  }

  private dbFiles(): DbFiles {
    return {
      cacheFile: this.cacheFile,
      outboxFile: this.outboxFile,
      ...(this.config.nativeBinding ? { nativeBinding: this.config.nativeBinding } : {}),
    };
  }

  private openStore(): Store {
    const files = this.dbFiles();
    try {
      return new Store(openDatabase(files), this.cacheFile, this.log);
    } catch (e) {
      if (!(e instanceof CacheUnusableError)) throw e;
      const movedTo = moveAside(this.cacheFile, this.deps.now(), e.fromNewerApp ? 'newer' : 'corrupt');
      this.log.error('Cache file unusable; moved aside and rebuilt', { error: e.message, movedTo });
      const store = new Store(openDatabase(files), this.cacheFile, this.log);
      this.cacheRecoveredNotice(e.fromNewerApp);
      return store;
    }
  }

  /** Keeps a notice until the renderer takes it, and tells any renderer already listening. */
  private notify(notice: Notice): void {
    this.pendingNotices = [...this.pendingNotices, notice].slice(-MAX_PENDING_NOTICES);
    this.emitter.emit('notice', notice);
  }

  takeNotices(): Notice[] {
    const taken = this.pendingNotices;
    this.pendingNotices = [];
    return taken;
  }

  private cacheRecoveredNotice(fromNewerApp = false): void {
    this.notify({
      kind: 'cacheRecovered',
      message: fromNewerApp
        ? 'The local copy of your inbox was written by a newer version of the app, so it was set aside and is being downloaded again. Unsent messages were kept.'
        : 'The local copy of your inbox was damaged, so it was set aside and is being downloaded again. Unsent messages were kept.',
      reason: reason(fromNewerApp ? 'cacheFromNewerApp' : 'cacheRecovered'),
    });
  }

  /** Runs a cache operation; if the file turns out to be corrupt, rebuilds it and runs it again. */
  guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (!isCorruptionError(e) || !this.storeRef) throw e;
      this.recoverCache(e);
      return fn();
    }
  }

  private recoverCache(error: unknown): void {
    const old = this.storeRef;
    if (!old) return;
    this.log.error('Cache corruption detected at runtime', { error: String(error) });
    // Both connections close before the file moves: one closing later would delete, by name, the
    // WAL of the new file.
    this.writerRef?.close();
    this.writerRef = null;
    try {
      old.close();
    } catch {
      // Closing a damaged file may fail too; it is being replaced either way.
    }
    this.storeRef = null;
    const movedTo = moveAside(this.cacheFile, this.deps.now());
    this.log.error('Corrupt cache moved aside', { movedTo });
    this.storeRef = new Store(openDatabase(this.dbFiles()), this.cacheFile, this.log);
    this.writerRef = this.deps.writer(this.dbFiles(), this.storeRef, this.log);
    const session = this.sessionRef;
    const summary = emptySummary();
    summary.inbox = true;
    if (session) {
      this.store.meta.owner = ownerOf(session);
      this.store.tx(() => this.store.reapplyOutbox(session.agent.id, summary));
    }
    this.cacheRecoveredNotice();
    this.changed(summary, true);
    this.engine.reset();
  }

  // ---------------------------------------------------------------------------------------------
  // Session

  get session(): StoredSession | null {
    return this.sessionRef;
  }

  /** The session as the renderer sees it; null when logged out or the token was refused. */
  sessionView(): Session | null {
    const s = this.sessionRef;
    if (!s || s.token === null) return null;
    return { agent: s.agent, tenantName: s.tenant.name, serverUrl: s.serverUrl };
  }

  requireSession(): StoredSession {
    const s = this.sessionRef;
    if (!s || s.token === null) throw new DeskError('unauthenticated', 'Log in first.');
    return s;
  }

  selfId(): string {
    return this.requireSession().agent.id;
  }

  async login(serverUrl: string, email: string, password: string): Promise<Session> {
    const url = serverUrl.replace(/\/+$/, '');
    const res = await login(this.deps.fetch, url, email, password);
    const identity = { serverUrl: url, tenant: res.tenant, agent: res.agent };
    const owner = ownerOf(identity);
    const { depth, messages } = this.store.outbox.stats();
    const outboxOwner = this.store.outboxMeta.owner;
    if (depth > 0 && outboxOwner !== null && outboxOwner !== owner) {
      throw new DeskError(
        'unsentMessages',
        `${messages} messages written by another account have not been sent yet. Log in as that account to send them, or log out to discard them.`,
        reason('unsentOtherAccount', { count: messages }),
      );
    }
    this.disconnect();
    await this.engine.writesSettled();
    // Read after the wait: a batch that met a corrupt file has had the cache rebuilt meanwhile.
    const store = this.store;
    // Never mix two accounts' data in one cache.
    if (store.meta.owner !== owner) store.resetCache(owner);
    store.outboxMeta.owner = owner;
    const session: StoredSession = { ...identity, token: res.token };
    await writeSession(this.secrets, session);
    this.sessionRef = session;
    this.connectionError = null;
    this.syncProblem = null;
    const summary = emptySummary();
    summary.inbox = true;
    store.tx(() => store.reapplyOutbox(session.agent.id, summary));
    this.connect();
    const view = this.sessionView();
    this.emitter.emit('session', view);
    this.changed(summary, true);
    this.log.info('Logged in', { agentId: res.agent.id, tenant: res.tenant.slug, serverUrl: url });
    return view as Session;
  }

  async logout(discardUnsent: boolean): Promise<{ discarded: number }> {
    const { messages } = this.store.outbox.stats();
    if (messages > 0 && !discardUnsent) {
      throw new DeskError('unsentMessages', `${messages} messages have not been sent yet.`, reason('unsentMessages', { count: messages }));
    }
    this.disconnect();
    await this.engine.writesSettled();
    const store = this.store;
    const discarded = store.tx(() => {
      const n = store.outbox.clear();
      store.outboxMeta.owner = null;
      return n;
    });
    store.resetCache(null);
    await this.secrets.clear();
    this.sessionRef = null;
    this.connectionError = null;
    this.syncProblem = null;
    this.progress = null;
    this.serverHead = null;
    this.emitter.emit('session', null);
    this.changed({ inbox: true, conversationIds: new Set() }, true);
    this.log.info('Logged out', { discarded });
    return { discarded };
  }

  private async expireSession(): Promise<void> {
    const s = this.sessionRef;
    this.disconnect();
    this.connectionError = SESSION_EXPIRED;
    this.log.warn('Server refused the session token');
    if (s) {
      this.sessionRef = { ...s, token: null };
      await writeSession(this.secrets, this.sessionRef);
    }
    this.emitter.emit('session', null);
    this.emitConnection();
  }

  // ---------------------------------------------------------------------------------------------
  // Attachments and activity

  /** The live socket, if any; ephemeral requests (typing) go straight through it. */
  get transport(): Transport | null {
    return this.transportRef;
  }

  /** Uploads the files of a message entry before the message itself is sent (idempotent by id). */
  private async uploadFiles(entry: OutboxEntry): Promise<void> {
    if (entry.kind !== 'message.send') return;
    const { payload } = kindOf(entry);
    const { attachments, conversationId } = payload as SendPayload;
    if (attachments.length === 0) return;
    const s = this.sessionRef;
    if (!s || s.token === null) throw new TransportError('unauthorized', 'Not logged in.');
    const total = attachments.reduce((sum, a) => sum + a.size, 0);
    let done = 0;
    for (const attachment of attachments) {
      let bytes: Buffer;
      try {
        bytes = this.files.readAll(attachment.id);
      } catch {
        throw new TransportError('invalid', `${attachment.name} is no longer on this computer.`);
      }
      const before = done;
      await uploadAttachment({ serverUrl: s.serverUrl, token: s.token, conversationId }, attachment, bytes, (sent) =>
        this.emitter.emit('upload', { entryId: entry.id, conversationId, sent: before + sent, total }),
      );
      done += attachment.size;
    }
  }

  /** Brings a file this app has no copy of from the server (once, however many ask). */
  fetchAttachment(id: string): Promise<void> {
    const running = this.downloads.get(id);
    if (running) return running;
    const s = this.sessionRef;
    if (!s || s.token === null) return Promise.reject(new DeskError('unauthenticated', 'Log in first.'));
    const job = downloadAttachment({ serverUrl: s.serverUrl, token: s.token }, id)
      .then((bytes) => this.files.store(id, bytes))
      .catch((e: unknown) => {
        if (e instanceof TransportError && e.code === 'notFound') throw new DeskError('notFound', 'This file is not available.', reason('fileUnavailable'));
        throw new DeskError('unreachable', `The file could not be downloaded: ${e instanceof Error ? e.message : String(e)}`, reason('fileDownloadFailed'));
      })
      .finally(() => this.downloads.delete(id));
    this.downloads.set(id, job);
    return job;
  }

  private applyActivity(payload: unknown): void {
    const parsed = activitySchema.safeParse(payload);
    if (!parsed.success) {
      this.log.warn('Malformed activity push ignored', { error: parsed.error.message });
      return;
    }
    const conversationIds = this.activity.apply(parsed.data);
    if (conversationIds.length > 0) this.emitter.emit('activity', { conversationIds });
  }

  private refreshPresence(transport: Transport): void {
    transport
      .request('activity.presence', {}, PRESENCE_TIMEOUT_MS)
      .then((raw) => {
        const parsed = socketRequests['activity.presence'].response.safeParse(raw);
        if (!parsed.success || this.transportRef !== transport) return;
        this.activity.resetPresence(parsed.data.online);
        this.emitter.emit('activity', { conversationIds: [] });
      })
      .catch((e: unknown) => this.log.warn('Presence could not be loaded', { error: String(e) }));
  }

  // ---------------------------------------------------------------------------------------------
  // Connection

  private connect(): void {
    const s = this.sessionRef;
    if (!s || s.token === null || this.stopped) return;
    this.status = 'connecting';
    const raw = this.deps.transport(s.serverUrl, s.token, {
      connected: () => {
        if (this.transportRef !== transport) return;
        this.status = 'online';
        this.connectionError = null;
        this.emitConnection();
        this.log.info('Connected', { serverUrl: s.serverUrl });
        this.engine.connected();
        this.sender.kick(true);
        this.refreshPresence(transport);
        this.startDiagnosticsTimer();
      },
      disconnected: (reason) => {
        if (this.transportRef !== transport) return;
        this.status = 'reconnecting';
        this.progress = null;
        this.activity.clear();
        this.stopDiagnosticsTimer();
        this.log.warn('Disconnected', { reason });
        this.emitConnection();
      },
      connectFailed: (unauthorized, message) => {
        if (this.transportRef !== transport) return;
        if (unauthorized) {
          void this.expireSession();
          return;
        }
        this.status = 'offline';
        this.connectionError = { message: `Cannot reach the server at ${s.serverUrl}. Retrying…`, reason: reason('serverUnreachable') };
        this.log.warn('Connection attempt failed', { message });
        this.emitConnection();
      },
      events: (payload) => {
        if (this.transportRef === transport) this.engine.live(payload);
      },
      activity: (payload) => {
        if (this.transportRef === transport) this.applyActivity(payload);
      },
    });
    // A token revoked while connected shows up as an 'unauthorized' answer to any request.
    const transport: Transport = {
      get connected() {
        return raw.connected;
      },
      request: (name, body, timeoutMs) =>
        raw.request(name, body, timeoutMs).catch((e: unknown) => {
          if (e instanceof TransportError && e.code === 'unauthorized' && this.transportRef === transport) {
            void this.expireSession();
          }
          throw e;
        }),
      close: () => raw.close(),
    };
    this.transportRef = transport;
    this.emitConnection();
  }

  private disconnect(): void {
    const t = this.transportRef;
    this.transportRef = null;
    this.stopDiagnosticsTimer();
    t?.close();
    this.status = 'offline';
    this.progress = null;
  }

  connectionState(): ConnectionState {
    const stats = this.storeRef?.outbox.stats();
    return {
      status: this.status,
      unsent: stats?.messages ?? 0,
      failed: stats?.failedMessages ?? 0,
      sync: this.progress,
      lastError: (this.connectionError ?? this.syncProblem)?.message ?? null,
      lastErrorReason: (this.connectionError ?? this.syncProblem)?.reason ?? null,
    };
  }

  emitConnection(): void {
    if (this.stopped) return;
    this.emitter.emit('connection', this.guard(() => this.connectionState()));
  }

  // ---------------------------------------------------------------------------------------------
  // Changes, outbox, diagnostics

  /** Queues a coalesced `changed` push; outbox changes also update the unsent count. */
  changed(summary: ChangeSummary, outbox = false): void {
    if (!this.changes.add(summary, outbox) || this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      const notice = this.changes.take();
      if (!notice || this.stopped) return;
      this.emitter.emit('changed', withOpenThread(notice, this.watched, (watched) => this.readOpenThread(watched)));
      if (notice.outbox) this.emitConnection();
      this.attention.request();
    });
  }

  /** The thread on screen, whose newest page the change notices that concern it carry (openThread.ts). */
  watchThread(watched: WatchedThread | null): void {
    this.watched = watched;
  }

  private readOpenThread({ conversationId, limit }: WatchedThread): OpenThread | null {
    const session = this.sessionView();
    if (!session || !this.storeRef) return null;
    try {
      return this.guard(() => {
        const detail = readConversationDetail(this.store, conversationId, session.agent.id);
        return detail && { conversationId, limit, page: this.store.queries.thread(conversationId, limit, undefined, this.inFlight), detail };
      });
    } catch (e) {
      // The window asks for the thread itself then, and gets the error in its answer.
      this.log.warn('The open thread could not be read for its change notice', { conversationId, error: String(e) });
      return null;
    }
  }

  /** Unread messages needing the agent; pushed when it changes (badge, title, tray). */
  unread(): number {
    return this.guard(() => this.notifications.unread());
  }

  private emitAttention(): void {
    let unread: number;
    try {
      unread = this.unread();
    } catch (e) {
      this.log.warn('Unread count unavailable', { error: String(e) });
      return;
    }
    if (unread === this.lastUnread) return;
    this.lastUnread = unread;
    this.emitter.emit('attention', { unread });
  }

  /** Asks the window to open a conversation (deep link, notification click); kept until taken. */
  navigate(conversationId: string): void {
    this.pendingNavigation = conversationId;
    this.emitter.emit('navigate', { conversationId });
  }

  takeNotifications(): DeskNotification[] {
    const taken = this.pendingNotifications;
    this.pendingNotifications = [];
    return taken;
  }

  takeNavigation(): string | null {
    const taken = this.pendingNavigation;
    this.pendingNavigation = null;
    return taken;
  }

  enqueue(kind: string, conversationId: string | null, payload: unknown): OutboxEntry {
    const entry: OutboxEntry = {
      id: uuidv7(),
      kind,
      conversationId,
      payload,
      state: 'waiting',
      attempts: 0,
      createdAt: this.deps.now(),
      error: null,
      errorReason: null,
    };
    this.changed(this.guard(() => this.store.enqueue(entry, this.selfId())), true);
    this.sender.kick();
    return entry;
  }

  get inFlight(): string | null {
    return this.sender.inFlight;
  }

  retryEntry(entry: OutboxEntry): void {
    if (entry.state === 'failed') this.changed(this.guard(() => this.store.retry(entry, this.selfId())), true);
    this.sender.kick(true);
  }

  discardEntry(entry: OutboxEntry): void {
    if (this.sender.inFlight === entry.id) {
      throw new DeskError('rejected', 'This message is being sent right now and can no longer be discarded.', reason('sendingNow'));
    }
    this.changed(this.guard(() => this.store.discard(entry, this.selfId())), true);
  }

  private describeRejection(entry: OutboxEntry, message: string, why: Reason | undefined): Notice {
    const sentence = message.trim().replace(/([^.!?])$/, '$1.');
    const withReason = why ? { reason: why } : {};
    if (kindOf(entry).kind.refusalIsFinal) return { kind: 'changeRefused', message: sentence, ...withReason };
    const subject = entry.kind === 'message.send' ? 'message' : 'change';
    const what = subject === 'message' ? 'A message could not be sent' : 'A change could not be saved';
    return { kind: 'sendFailed', message: `${what}: ${sentence} You can retry or discard it.`, subject, ...withReason };
  }

  /** A transport for one-off requests (history pages), or a plain-words error when offline. */
  requireOnline(): Transport {
    const t = this.transportRef;
    if (!t?.connected) {
      throw new DeskError('unreachable', 'You are offline. Older messages load when the connection is back.', reason('historyOffline'));
    }
    return t;
  }

  diagnostics(): Diagnostics {
    return this.guard(() => {
      const store = this.store;
      const localSeq = store.meta.lastSeq ?? 0;
      const { depth, oldestCreatedAt } = store.outbox.stats();
      const counts = store.queries.cachedCounts();
      return {
        localSeq,
        serverHead: this.serverHead,
        syncLag: this.serverHead === null ? null : Math.max(0, this.serverHead - localSeq),
        outboxDepth: depth,
        oldestOutboxAgeMs: oldestCreatedAt === null ? null : Math.max(0, this.deps.now() - oldestCreatedAt),
        cachedConversations: counts.conversations,
        cachedMessages: counts.messages,
        cacheFile: this.cacheFile,
      };
    });
  }

  private logDiagnostics(message: string): void {
    try {
      this.log.info(message, { ...this.diagnostics() });
    } catch (e) {
      this.log.warn('Diagnostics unavailable', { error: String(e) });
    }
  }

  private startDiagnosticsTimer(): void {
    this.stopDiagnosticsTimer();
    const tick = () => {
      this.logDiagnostics('Sync status');
      this.diagnosticsTimer = this.schedule(tick, this.deps.diagnosticsIntervalMs);
    };
    this.diagnosticsTimer = this.schedule(tick, this.deps.diagnosticsIntervalMs);
  }

  private stopDiagnosticsTimer(): void {
    this.diagnosticsTimer?.();
    this.diagnosticsTimer = null;
  }
}
