// Pure decisions behind the timeline: where day separators go and how to scroll after a change.
import type { ThreadMessage } from '../../../shared/ipc/contract';
import { dayKey } from '../../../shared/i18n/format';

export type TimelineItem = { type: 'day'; key: string; at: number } | { type: 'message'; key: string; message: ThreadMessage };

export function buildTimeline(messages: ThreadMessage[]): TimelineItem[] {
  const items: TimelineItem[] = [];
  let lastDay: string | null = null;
  for (const message of messages) {
    const day = dayKey(message.createdAt);
    if (day !== lastDay) {
      items.push({ type: 'day', key: `day-${day}`, at: message.createdAt });
      lastDay = day;
    }
    items.push({ type: 'message', key: message.id, message });
  }
  return items;
}

/** Within this many pixels of the bottom the agent counts as "at the newest message". */
export const STICK_THRESHOLD_PX = 48;

export function isNearBottom(el: { scrollHeight: number; scrollTop: number; clientHeight: number }): boolean {
  return el.scrollHeight - el.scrollTop - el.clientHeight <= STICK_THRESHOLD_PX;
}

export type ScrollAction = 'toBottom' | 'keepDistanceFromBottom' | 'showNewPill' | 'none';

export interface TimelineChange {
  /** First render of this conversation's messages. */
  initial: boolean;
  /** The agent was at the bottom before the change. */
  stuckToBottom: boolean;
  /** Something was added or removed above the content (older page, loading indicator). */
  topChanged: boolean;
  /** A newer message than before is now the last one. */
  appended: boolean;
  /** The newest message is one this agent just wrote. */
  appendedOwn: boolean;
}

export function scrollAction(change: TimelineChange): ScrollAction {
  if (change.initial) return 'toBottom';
  if (change.appended && (change.stuckToBottom || change.appendedOwn)) return 'toBottom';
  if (change.appended) return 'showNewPill';
  if (change.stuckToBottom) return 'toBottom';
  if (change.topChanged) return 'keepDistanceFromBottom';
  return 'none';
}
