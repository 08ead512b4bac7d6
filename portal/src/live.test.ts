import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Change, type EventStream, type LiveMode, POLL_MS, REOPEN_MS, startLiveUpdates } from './live';

class FakeStream implements EventStream {
  readyState = 0;
  closed = false;
  private listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(type: string, data = '{}') {
    for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data }));
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
}

describe('live updates', () => {
  let streams: FakeStream[];
  let changes: Change[];
  let modes: LiveMode[];
  let stop: () => void;

  beforeEach(() => {
    vi.useFakeTimers();
    streams = [];
    changes = [];
    modes = [];
    stop = startLiveUpdates({
      url: '/events',
      open: () => {
        const stream = new FakeStream();
        streams.push(stream);
        return stream;
      },
      onChange: (change) => changes.push(change),
      onMode: (mode) => modes.push(mode),
    });
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('passes on the changed conversations while the stream works', () => {
    streams[0]!.emit('ready');
    streams[0]!.emit('changed', JSON.stringify({ conversationIds: ['c1'] }));
    expect(modes).toEqual(['connecting', 'live']);
    expect(changes).toEqual([['c1']]);
  });

  it('polls every 5 seconds while the stream is down and stops once it is back, fetching everything', () => {
    streams[0]!.emit('ready');
    streams[0]!.emit('error');
    expect(modes.at(-1)).toBe('polling');
    vi.advanceTimersByTime(POLL_MS * 2);
    expect(changes).toEqual(['all', 'all']);
    streams[0]!.emit('ready');
    expect(modes.at(-1)).toBe('live');
    expect(changes).toEqual(['all', 'all', 'all']);
    vi.advanceTimersByTime(POLL_MS * 3);
    expect(changes).toHaveLength(3);
  });

  it('reopens a stream the browser gave up on, polling meanwhile', () => {
    streams[0]!.readyState = 2;
    streams[0]!.emit('error');
    expect(streams[0]!.closed).toBe(true);
    vi.advanceTimersByTime(REOPEN_MS);
    expect(changes.length).toBe(REOPEN_MS / POLL_MS);
    expect(streams).toHaveLength(2);
    streams[1]!.emit('ready');
    expect(modes.at(-1)).toBe('live');
  });

  it('stops everything when stopped', () => {
    streams[0]!.emit('error');
    stop();
    vi.advanceTimersByTime(POLL_MS * 3);
    expect(changes).toEqual([]);
    expect(streams[0]!.closed).toBe(true);
  });
});
