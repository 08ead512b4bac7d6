// The notification center against a real cache file: queue membership comes from the agents the
// team sync wrote, so an agent hears only about the queues routing would give them.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATION_SETTINGS, type DeskNotification } from '../../../shared/notifications';
import type { ChangeEvent } from '../../../shared/protocol';
import { manualClock, type ManualClock } from '../../../testing/manualClock';
import { conversation, openStore, quietLog, removeTempDirs, SELF, upserted } from '../testkit/fixtures';
import type { Store } from '../store';
import { NotificationCenter } from './center';

const self = { id: SELF, name: 'Alex Agent', email: 'alex@example.com' };
let store: Store;
let delivered: DeskNotification[];
let center: NotificationCenter;

function joinQueues(queueIds: string[]) {
  store.tx(() => store.applier.upsertAgent({ ...self, status: 'available', capacity: 5, queueIds, seq: 1 }));
}

function apply(events: ChangeEvent[]) {
  const after = center.observe(events);
  store.tx(() => {
    for (const event of events) if (event.type === 'conversation.upserted') store.applier.upsertConversation(event.conversation);
  });
  after('live');
}

const waiting = (id: string, queueId: string, seq: number) => conversation(id, { status: 'queued', assigneeId: null, queueId, seq });
const queued = (id: string, queueId: string, seq: number) => upserted(waiting(id, queueId, seq));

beforeEach(() => {
  store = openStore();
  delivered = [];
  let now = 1_000_000;
  center = new NotificationCenter({
    db: () => store.db,
    self: () => self,
    settings: () => DEFAULT_NOTIFICATION_SETTINGS,
    log: quietLog,
    now: () => (now += 120_000),
    schedule: () => () => undefined,
    deliver: (notification) => delivered.push(notification),
    reminderTickMs: 1_000,
  });
});

afterAll(removeTempDirs);

describe('NotificationCenter queue membership', () => {
  it('announces newly queued conversations only in the queues the agent works', () => {
    joinQueues(['q-billing']);
    apply([queued('c-billing', 'q-billing', 2), queued('c-tech', 'q-tech', 3)]);
    expect(delivered.map((n) => [n.kind, n.conversationId])).toEqual([['queued', 'c-billing']]);
  });

  it('counts every queue as the agent\'s until the team has synced', () => {
    apply([queued('c-billing', 'q-billing', 2), queued('c-tech', 'q-tech', 3)]);
    expect(delivered.map((n) => n.conversationId).sort()).toEqual(['c-billing', 'c-tech']);
  });

  it('reminds only about conversations waiting in the agent\'s queues', () => {
    joinQueues(['q-tech']);
    store.tx(() => {
      store.applier.upsertConversation(waiting('c-billing', 'q-billing', 2));
      store.applier.upsertConversation(waiting('c-tech', 'q-tech', 3));
    });
    center.tick();
    center.tick();
    const reminders = delivered.filter((n) => n.kind === 'reminder');
    expect(reminders.length).toBeGreaterThan(0);
    expect(reminders.map((n) => n.conversationId)).toEqual(reminders.map(() => 'c-tech'));
  });
});

describe('NotificationCenter during a flood', () => {
  function floodCenter(time: ManualClock) {
    return new NotificationCenter({
      db: () => store.db,
      self: () => self,
      settings: () => DEFAULT_NOTIFICATION_SETTINGS,
      log: quietLog,
      now: time.now,
      schedule: time.schedule,
      deliver: (notification) => delivered.push(notification),
      // Far off: only the burst's release is scheduled in these tests.
      reminderTickMs: 3_600_000,
    });
  }

  it('tells a few new conversations one by one and the rest in one summary when the window ends', () => {
    const time = manualClock();
    center = floodCenter(time);
    for (let batch = 0; batch < 10; batch++) {
      apply(Array.from({ length: 10 }, (_, i) => queued(`c-${batch}-${i}`, 'q-billing', 2 + batch * 10 + i)));
      time.advance(500);
    }
    expect(delivered.map((n) => n.kind)).toEqual(['queued', 'queued', 'queued']);
    // One timer, for the end of the window that opened with the first notification.
    expect(time.pending()).toEqual([10_000]);
    time.advance(5_000);
    expect(delivered.slice(3)).toEqual([
      { id: expect.stringMatching(/^burst:/), kind: 'burst', conversationId: null, title: 'More new notifications', body: 'Not shown one by one: 97. Open Agent Desk to see them.', sound: 'chime' },
    ]);
    expect(time.pending()).toEqual([]);
  });

  it('cancels a pending release when stopped', () => {
    const time = manualClock();
    center = floodCenter(time);
    center.start();
    apply(Array.from({ length: 5 }, (_, i) => queued(`c-${i}`, 'q-billing', 2 + i)));
    expect(time.pending()).toHaveLength(2);
    center.stop();
    expect(time.pending()).toEqual([]);
    time.advance(20_000);
    expect(delivered).toHaveLength(3);
  });
});
