import { describe, expect, it } from 'vitest';
import type { ChangeNotice, OpenThread } from '../../shared/ipc/contract';
import { withOpenThread } from './openThread';

const notice = (conversationIds: string[], outbox = false): ChangeNotice => ({ inbox: false, conversationIds, outbox });
const watched = { conversationId: 'c1', limit: 50 };
const open = { conversationId: 'c1', limit: 50, page: { messages: [], hasOlder: false }, detail: {} } as unknown as OpenThread;

describe('the watched thread in change notices', () => {
  it('comes with a change to its conversation or to the outbox, read once per notice', () => {
    const reads: string[] = [];
    const read = (w: typeof watched) => (reads.push(w.conversationId), open);
    expect(withOpenThread(notice(['c0', 'c1']), watched, read).open).toBe(open);
    expect(withOpenThread(notice([], true), watched, read).open).toBe(open);
    expect(reads).toEqual(['c1', 'c1']);
  });

  it('stays out of notices about other conversations, when nothing is watched, and when it cannot be read', () => {
    const read = () => open;
    expect(withOpenThread(notice(['c2']), watched, read)).toEqual(notice(['c2']));
    expect(withOpenThread(notice(['c1']), null, read)).toEqual(notice(['c1']));
    expect(withOpenThread(notice(['c1']), watched, () => null)).toEqual(notice(['c1']));
  });
});
