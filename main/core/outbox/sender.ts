// The one serial sender that drains the outbox in order. It runs on enqueue, on connect and on a
// backoff timer; an entry leaves only when the server acknowledges it. Transient failures keep the
// entry at the head and retry later (order is preserved); permanent ones set it aside as failed.
import { TransportError, type Transport, type TransportErrorCode } from '../sync/transport';
import type { Reason } from '../../../shared/reasons';
import { backoffDelay, type BackoffPolicy } from './backoff';
import type { OutboxEntry } from './store';

export type FailureClass = 'transient' | 'permanent';

/** Server refusals that no retry can fix vs. conditions that pass (timeouts, restarts, outages). */
export function classifyFailure(code: TransportErrorCode): FailureClass {
  switch (code) {
    case 'invalid':
    case 'notFound':
    case 'forbidden':
    case 'conflict':
      return 'permanent';
    case 'unauthorized':
    case 'internal':
    case 'timeout':
    case 'disconnected':
    case 'malformed':
      return 'transient';
  }
}

/** What the sender needs from the outbox; each call is one transaction on the caller's side. */
export interface OutboxOps {
  next(): OutboxEntry | null;
  /**
   * Work before the request (uploading an entry's files); throws a TransportError classified like
   * a failed request. Optional.
   */
  prepare?(entry: OutboxEntry, transport: Transport): Promise<void>;
  /** The socket request for an entry; throws if the entry cannot be turned into one. */
  request(entry: OutboxEntry): { name: Parameters<Transport['request']>[0]; body: unknown };
  acknowledged(entry: OutboxEntry, value: unknown): void;
  /** `reason` is the server's translatable reason, when it sent one. */
  rejected(entry: OutboxEntry, message: string, reason?: Reason): void;
  attemptFailed(entry: OutboxEntry, reason: string): void;
  /** The in-flight entry changed (for the renderer's "sending" state). */
  changed(): void;
}

export interface SenderDeps {
  ops: OutboxOps;
  transport: () => Transport | null;
  now: () => number;
  random: () => number;
  schedule: (fn: () => void, ms: number) => () => void;
  backoff: BackoffPolicy;
  ackTimeoutMs: number;
  log: (message: string, fields: Record<string, unknown>) => void;
}

export class OutboxSender {
  private running = false;
  private again = false;
  private stopped = false;
  private failures = 0;
  private retryAt = 0;
  private cancelTimer: (() => void) | null = null;
  private current: string | null = null;
  private drainDone: Promise<void> = Promise.resolve();

  constructor(private readonly deps: SenderDeps) {}

  /** Id of the entry being transmitted right now. */
  get inFlight(): string | null {
    return this.current;
  }

  /** Starts draining unless already running; `fresh` (on connect) skips the backoff wait. */
  kick(fresh = false): void {
    if (this.stopped) return;
    if (fresh) {
      this.retryAt = 0;
      this.failures = 0;
    }
    if (this.running) {
      this.again = true;
      return;
    }
    void this.drain();
  }

  stop(): void {
    this.stopped = true;
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  /** Resolves when the current drain (if any) has finished; for orderly shutdown. */
  idle(): Promise<void> {
    return this.drainDone;
  }

  private drain(): Promise<void> {
    this.running = true;
    this.drainDone = (async () => {
      try {
        do {
          this.again = false;
          await this.loop();
        } while (this.again && !this.stopped);
      } finally {
        this.running = false;
      }
    })();
    return this.drainDone;
  }

  private async loop(): Promise<void> {
    const { ops, now } = this.deps;
    while (!this.stopped) {
      const transport = this.deps.transport();
      if (!transport?.connected) return;
      const wait = this.retryAt - now();
      if (wait > 0) return this.arm(wait);
      const entry = ops.next();
      if (!entry) return;

      let request: ReturnType<OutboxOps['request']>;
      try {
        request = ops.request(entry);
      } catch (e) {
        ops.rejected(entry, e instanceof Error ? e.message : String(e));
        continue;
      }
      this.current = entry.id;
      ops.changed();
      let value: unknown;
      try {
        await ops.prepare?.(entry, transport);
        value = await transport.request(request.name, request.body, this.deps.ackTimeoutMs);
      } catch (e) {
        this.current = null;
        const code: TransportErrorCode = e instanceof TransportError ? e.code : 'internal';
        const reason = e instanceof Error ? e.message : String(e);
        if (this.stopped) return;
        if (classifyFailure(code) === 'permanent') {
          ops.rejected(entry, reason, e instanceof TransportError ? e.reason : undefined);
          continue;
        }
        this.failures++;
        const delay = backoffDelay(this.failures, this.deps.backoff, this.deps.random());
        this.retryAt = now() + delay;
        this.deps.log('Outbox send failed, will retry', { entryId: entry.id, code, reason, retryInMs: delay });
        ops.attemptFailed(entry, reason);
        return this.arm(delay);
      }
      this.current = null;
      this.failures = 0;
      ops.acknowledged(entry, value);
    }
  }

  private arm(ms: number): void {
    this.cancelTimer?.();
    this.cancelTimer = this.deps.schedule(() => {
      this.cancelTimer = null;
      this.kick();
    }, ms);
  }
}
