// Live updates: Server-Sent Events while they work, polling every 5 s while they do not. Either way
// the page only learns *that* something changed and fetches it through the API.
import { PORTAL_CHANGED_EVENT, PORTAL_TYPING_EVENT, portalChangedSchema, type PortalTyping, portalTypingSchema } from '../../shared/portal';

export const POLL_MS = 5_000;
/** A stream the browser gave up on (e.g. refused) is retried this often, while polling goes on. */
export const REOPEN_MS = 30_000;

/** The part of EventSource used here, so tests can stand in for it. */
export interface EventStream {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}
const CLOSED = 2;

export type LiveMode = 'connecting' | 'live' | 'polling';
/** The ids of changed conversations, or 'all' after a gap (reconnect, poll) when anything may have changed. */
export type Change = string[] | 'all';

export interface LiveOptions {
  url: string;
  open: (url: string) => EventStream;
  onChange: (change: Change) => void;
  /** Someone of the team started or stopped typing (only while the stream is up). */
  onTyping?: (typing: PortalTyping) => void;
  onMode: (mode: LiveMode) => void;
  timers?: { setInterval: typeof setInterval; clearInterval: typeof clearInterval; setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout };
}

export function startLiveUpdates({ url, open, onChange, onTyping, onMode, timers = globalThis }: LiveOptions): () => void {
  let poll: ReturnType<typeof setInterval> | null = null;
  let reopen: ReturnType<typeof setTimeout> | null = null;
  let stream: EventStream | null = null;
  let everLive = false;
  let stopped = false;

  const startPolling = () => {
    if (poll !== null) return;
    onMode('polling');
    poll = timers.setInterval(() => onChange('all'), POLL_MS);
  };
  const stopPolling = () => {
    if (poll !== null) timers.clearInterval(poll);
    poll = null;
  };

  const connect = () => {
    reopen = null;
    if (stopped) return;
    const current = open(url);
    stream = current;
    current.addEventListener('ready', () => {
      stopPolling();
      onMode('live');
      // Whatever happened while the stream was down is fetched now.
      if (everLive) onChange('all');
      everLive = true;
    });
    current.addEventListener(PORTAL_CHANGED_EVENT, (event) => {
      try {
        onChange(portalChangedSchema.parse(JSON.parse(event.data)).conversationIds);
      } catch {
        onChange('all');
      }
    });
    current.addEventListener(PORTAL_TYPING_EVENT, (event) => {
      const parsed = portalTypingSchema.safeParse(JSON.parse(event.data));
      if (parsed.success) onTyping?.(parsed.data);
    });
    current.addEventListener('error', () => {
      if (stopped || stream !== current) return;
      startPolling();
      // The browser retries a dropped stream by itself, but not one it was refused.
      if (current.readyState === CLOSED && reopen === null) {
        current.close();
        reopen = timers.setTimeout(connect, REOPEN_MS);
      }
    });
  };

  onMode('connecting');
  connect();
  return () => {
    stopped = true;
    stopPolling();
    if (reopen !== null) timers.clearTimeout(reopen);
    stream?.close();
  };
}
