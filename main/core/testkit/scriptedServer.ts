// An in-process stand-in for the backend's socket protocol, for tests that need exact control of
// what the server answers (malformed payloads, rejections, pages that never come).
import type { ChangeEvent, SnapshotPage, SocketRequestName } from '../../../shared/protocol';
import type { FetchLike } from '../session/login';
import { TransportError, type Transport, type TransportFactory, type TransportListener } from '../sync/transport';
import { SELF } from './fixtures';

type Handler = (body: Record<string, unknown>) => unknown;

export class ScriptedServer {
  /** The change log; entries may be deliberately malformed. */
  log: unknown[] = [];
  pages: SnapshotPage[] = [];
  calls: Array<{ name: SocketRequestName; body: Record<string, unknown> }> = [];
  override: Partial<Record<SocketRequestName, Handler>> = {};
  private listener: TransportListener | null = null;
  private connectedNow = false;

  get head(): number {
    return this.log.length;
  }

  append(events: ChangeEvent[]): void {
    this.log.push(...events);
  }

  /** Pushes events live, as the server does after a commit. */
  push(events: unknown[]): void {
    this.listener?.events({ events });
  }

  readonly fetch: FetchLike = async () => ({
    status: 200,
    ok: true,
    json: async () => ({
      token: 'token',
      agent: { id: SELF, name: 'Alex', email: 'alex@acme.test' },
      tenant: { id: 't1', slug: 'acme', name: 'Acme' },
    }),
  });

  readonly transport: TransportFactory = (_url, _token, listener) => {
    this.listener = listener;
    this.connectedNow = true;
    setTimeout(() => listener.connected(), 0);
    const isCurrent = () => this.connectedNow && this.listener === listener;
    const t: Transport = {
      get connected() {
        return isCurrent();
      },
      request: async (name, body) => {
        const b = body as Record<string, unknown>;
        this.calls.push({ name, body: b });
        const handler = this.override[name] ?? this.defaults[name];
        if (!handler) throw new TransportError('invalid', `no handler for ${name}`);
        return handler(b);
      },
      close: () => {
        this.connectedNow = false;
      },
    };
    return t;
  };

  private readonly defaults: Partial<Record<SocketRequestName, Handler>> = {
    'sync.snapshot': (b) => {
      const index = b.cursor === null ? 0 : Number(b.cursor);
      const page = this.pages[index];
      if (!page) throw new TransportError('invalid', 'unknown cursor');
      return { ...page, nextCursor: index + 1 < this.pages.length ? String(index + 1) : null };
    },
    'sync.pull': (b) => {
      const after = Number(b.after);
      const events = this.log.slice(after, after + Number(b.limit));
      return { mustRefetch: false, events, head: this.head, hasMore: after + events.length < this.head };
    },
    'conversation.markRead': (b) => ({ readSeq: b.readSeq }),
  };

  requestsOf(name: SocketRequestName): Array<Record<string, unknown>> {
    return this.calls.filter((c) => c.name === name).map((c) => c.body);
  }
}
