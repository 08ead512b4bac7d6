import { describe, expect, it } from 'vitest';
import type { DeskHandlers } from './contract';
import { dispatch } from './dispatch';
import { encodeInboxCursor, type InboxCursor } from './inboxCursor';

const seen: unknown[] = [];
const handlers = {
  'inbox.list': async (request: unknown) => {
    seen.push(request);
    return { rows: [], total: 0, needAttention: 0, next: null };
  },
} as unknown as DeskHandlers;

describe('inbox cursors at the IPC edge', () => {
  it('hands the handler the decoded cursor of a page it gave out', async () => {
    const after: InboxCursor = { stretch: 1, key: [1_736_942_400_000], id: '0194a1b2-conv' };
    const until: InboxCursor = { stretch: 2, key: [0, 1_736_942_000_000], id: 'c:with "quotes"' };
    const result = await dispatch(handlers, 'inbox.list', { view: 'all', after: encodeInboxCursor(after), until: encodeInboxCursor(until) });
    expect(result.ok).toBe(true);
    expect(seen.at(-1)).toMatchObject({ view: 'all', after, until, limit: 50 });
  });

  it('refuses a malformed cursor with a clear error naming the field, before any handler runs', async () => {
    seen.length = 0;
    const malformed = ['', 'nope', '{"stretch":1}', '[1,[],"a"]', '[1,[1.5],"a"]', '[12,[1],"a"]', '[1,[1],""]', `[1,[1],"${'x'.repeat(400)}"]`];
    for (const after of malformed) {
      const result = await dispatch(handlers, 'inbox.list', { view: 'all', after });
      expect(result, after).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/^Invalid request for inbox\.list: after: /) } });
    }
    const notText = await dispatch(handlers, 'inbox.list', { view: 'all', until: 7 });
    expect(notText).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('until') } });
    expect(seen).toEqual([]);
  });
});
