import { act, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeskNotification } from '../../../shared/notifications';
import { fakeDesk, renderWithDesk } from '../test/fakeDesk';
import { useNotifications } from './useNotifications';

const queued: DeskNotification = { id: 'queued:c9:12', kind: 'queued', conversationId: 'c9', title: 'New conversation in the queue', body: 'Ana is waiting.', sound: null };

/** jsdom has no Notification API: a recording stand-in for the browser's. */
class RecordedNotification {
  static permission: NotificationPermission = 'granted';
  static shown: RecordedNotification[] = [];
  static requestPermission = vi.fn(async () => 'granted' as NotificationPermission);
  onclick: (() => void) | null = null;
  constructor(
    readonly title: string,
    readonly options: NotificationOptions,
  ) {
    RecordedNotification.shown.push(this);
  }
  close() {}
}

beforeEach(() => {
  RecordedNotification.shown = [];
  Object.defineProperty(window, 'Notification', { value: RecordedNotification, configurable: true, writable: true });
});
afterEach(() => {
  Reflect.deleteProperty(window, 'Notification');
});

function Probe({ openId, open }: { openId: string | null; open: (id: string) => void }) {
  useNotifications({ openId, open });
  return null;
}

function desk(pending: DeskNotification[][], navigation: (string | null)[] = []) {
  return fakeDesk({
    'notifications.focus': async () => null,
    'notifications.texts': async () => null,
    'desktop.labels': async () => null,
    'attention.get': async () => ({ unread: 3 }),
    'navigation.take': async () => navigation.shift() ?? null,
    'notifications.take': async () => pending.shift() ?? [],
  });
}

describe('useNotifications', () => {
  it('shows what the core asks it to and opens the conversation on click', async () => {
    const opened: string[] = [];
    const fake = desk([[], [queued]]);
    await renderWithDesk(<Probe openId={null} open={(id) => opened.push(id)} />, fake);
    act(() => fake.emit('notify', { notification: queued, display: true }));
    await waitFor(() => expect(RecordedNotification.shown).toHaveLength(1));
    expect(RecordedNotification.shown[0]).toMatchObject({ title: 'New conversation in the queue', options: { body: 'Ana is waiting.', tag: 'queued:c9:12' } });
    act(() => RecordedNotification.shown[0]!.onclick!());
    expect(opened).toEqual(['c9']);
  });

  it('brings the window forward on a click on a burst summary, which opens no one conversation', async () => {
    const summary: DeskNotification = { id: 'burst:1', kind: 'burst', conversationId: null, title: 'More new notifications', body: 'Not shown one by one: 97.', sound: null };
    const opened: string[] = [];
    const focus = vi.spyOn(window, 'focus').mockImplementation(() => undefined);
    const fake = desk([[], [summary]]);
    await renderWithDesk(<Probe openId={null} open={(id) => opened.push(id)} />, fake);
    act(() => fake.emit('notify', { notification: summary, display: true }));
    await waitFor(() => expect(RecordedNotification.shown).toHaveLength(1));
    act(() => RecordedNotification.shown[0]!.onclick!());
    expect(focus).toHaveBeenCalled();
    expect(opened).toEqual([]);
    focus.mockRestore();
  });

  it('leaves showing to the desktop app when the notification was shown natively', async () => {
    const fake = desk([[]]);
    await renderWithDesk(<Probe openId={null} open={() => undefined} />, fake);
    act(() => fake.emit('notify', { notification: queued, display: false }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(RecordedNotification.shown).toHaveLength(0);
  });

  it('plays one sound for notifications arriving together, not one on top of another', async () => {
    const started: string[] = [];
    class RecordedAudio {
      constructor(readonly src: string) {
        started.push(src);
      }
      play = async () => undefined;
    }
    vi.stubGlobal('Audio', RecordedAudio);
    try {
      const fake = desk([[]]);
      await renderWithDesk(<Probe openId={null} open={() => undefined} />, fake);
      act(() => {
        for (let i = 0; i < 5; i++) fake.emit('notify', { notification: { ...queued, id: `queued:c${i}:1`, sound: 'chime' }, display: false });
      });
      expect(started).toEqual(['./sounds/chime.wav']);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('reports the open conversation, sends the translated texts, and opens a pending deep link', async () => {
    const opened: string[] = [];
    const fake = desk([[]], ['c-linked']);
    await renderWithDesk(<Probe openId="c1" open={(id) => opened.push(id)} />, fake);
    await waitFor(() => expect(opened).toEqual(['c-linked']));
    expect(fake.calls).toContainEqual({ method: 'notifications.focus', request: { focused: expect.any(Boolean), conversationId: 'c1' } });
    const texts = fake.calls.find((c) => c.method === 'notifications.texts')!.request as Record<string, string>;
    expect(texts.assignedTitle).toBe('Assigned to you: {{contact}}');
    expect(texts.catchUpBody).toContain('{{count}}');
    expect(texts.locale).toBe('en');
    await waitFor(() => expect(document.title).toBe('(3) Agent Desk'));
  });

  it('keeps the pushed unread count in the title without re-rendering the workspace', async () => {
    const fake = desk([[]]);
    let renders = 0;
    function Counted() {
      renders += 1;
      useNotifications({ openId: null, open: () => undefined });
      return null;
    }
    await renderWithDesk(<Counted />, fake);
    await waitFor(() => expect(document.title).toBe('(3) Agent Desk'));
    const before = renders;
    for (let unread = 4; unread <= 8; unread++) act(() => fake.emit('attention', { unread }));
    expect(document.title).toBe('(8) Agent Desk');
    act(() => fake.emit('attention', { unread: 0 }));
    expect(document.title).toBe('Agent Desk');
    expect(renders).toBe(before);
  });
});
