import { describe, expect, it } from 'vitest';
import type { InboxRow } from '../../../shared/ipc/contract';
import { uniqueRows } from './useInbox';

const row = (conversationId: string, preview: string) => ({ conversationId, preview }) as InboxRow;

describe('uniqueRows', () => {
  it('keeps the first position of a conversation that moved between page loads', () => {
    expect(uniqueRows([row('a', 'new'), row('b', ''), row('a', 'old')])).toEqual([row('a', 'new'), row('b', '')]);
  });
});
