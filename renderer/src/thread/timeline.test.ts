import { describe, expect, it } from 'vitest';
import type { ThreadMessage } from '../../../shared/ipc/contract';
import { buildTimeline, isNearBottom, scrollAction, type TimelineChange } from './timeline';

const message = (id: string, createdAt: number) => ({ id, createdAt }) as ThreadMessage;

describe('buildTimeline', () => {
  it('puts a day separator before the first message of each day', () => {
    const day1 = new Date(2026, 0, 1, 9).getTime();
    const day2 = new Date(2026, 0, 2, 9).getTime();
    const items = buildTimeline([message('a', day1), message('b', day1 + 60_000), message('c', day2)]);
    expect(items.map((item) => item.type)).toEqual(['day', 'message', 'message', 'day', 'message']);
  });
});

describe('scrolling', () => {
  const change = (fields: Partial<TimelineChange>): TimelineChange => ({
    initial: false,
    stuckToBottom: false,
    topChanged: false,
    appended: false,
    appendedOwn: false,
    ...fields,
  });

  it('opens at the newest message', () => {
    expect(scrollAction(change({ initial: true }))).toBe('toBottom');
  });

  it('follows new messages only while the agent is at the bottom', () => {
    expect(scrollAction(change({ appended: true, stuckToBottom: true }))).toBe('toBottom');
    expect(scrollAction(change({ appended: true }))).toBe('showNewPill');
  });

  it('always shows the message the agent just sent', () => {
    expect(scrollAction(change({ appended: true, appendedOwn: true }))).toBe('toBottom');
  });

  it('keeps the reading position when older messages load above', () => {
    expect(scrollAction(change({ topChanged: true }))).toBe('keepDistanceFromBottom');
    expect(scrollAction(change({}))).toBe('none');
  });

  it('counts a few pixels above the end as the bottom', () => {
    expect(isNearBottom({ scrollHeight: 1000, clientHeight: 400, scrollTop: 580 })).toBe(true);
    expect(isNearBottom({ scrollHeight: 1000, clientHeight: 400, scrollTop: 300 })).toBe(false);
  });
});
