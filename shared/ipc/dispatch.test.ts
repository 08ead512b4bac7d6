import { describe, expect, it } from 'vitest';
import type { DeskHandlers } from './contract';
import { dispatch } from './dispatch';
import { DeskError } from './result';

const handlers = {
  'inbox.counts': async () => ({ mine: 1, queued: 2, all: 3 }),
  'conversation.get': async () => {
    throw new DeskError('notFound', 'No such conversation');
  },
  'inbox.list': async (req: { view: string; limit: number }) => ({ rows: [], total: req.limit }),
} as unknown as DeskHandlers;

describe('dispatch', () => {
  it('rejects unknown methods', async () => {
    expect(await dispatch(handlers, 'nope', {})).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
  it('rejects malformed payloads with the failing field named', async () => {
    const r = await dispatch(handlers, 'inbox.list', { view: 'everything' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('view');
  });
  it('rejects extra fields on strict requests', async () => {
    expect(await dispatch(handlers, 'inbox.counts', { sneaky: 1 })).toMatchObject({ ok: false });
  });
  it('fills defaults and returns the value', async () => {
    expect(await dispatch(handlers, 'inbox.list', { view: 'mine' })).toEqual({ ok: true, value: { rows: [], total: 50 } });
  });
  it('turns thrown DeskErrors into error results', async () => {
    expect(await dispatch(handlers, 'conversation.get', { conversationId: 'x' })).toEqual({
      ok: false,
      error: { code: 'notFound', message: 'No such conversation' },
    });
  });
});
