import { act, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Notice } from '../../../shared/ipc/contract';
import { fakeDesk, renderWithDesk } from '../test/fakeDesk';
import { usePushSync } from './usePushSync';

const recovered: Notice = { kind: 'cacheRecovered', message: 'The local copy was rebuilt.' };
const failed: Notice = { kind: 'sendFailed', message: 'Not sent: the conversation was deleted.' };

describe('usePushSync notices', () => {
  it('shows notices raised before the window listened, then each pushed notice exactly once', async () => {
    let pending: Notice[] = [recovered];
    const desk = fakeDesk({
      'notices.take': async () => {
        const taken = pending;
        pending = [];
        return taken;
      },
    });
    const shown: Notice[] = [];
    const onNotice = (notice: Notice) => shown.push(notice);
    function Listener() {
      usePushSync(onNotice);
      return null;
    }
    await renderWithDesk(<Listener />, desk);
    await waitFor(() => expect(shown).toEqual([recovered]));

    pending = [failed];
    act(() => desk.emit('notice', failed));
    await waitFor(() => expect(shown).toEqual([recovered, failed]));
    // A second push for a notice already taken shows nothing again.
    act(() => desk.emit('notice', failed));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(shown).toEqual([recovered, failed]);
  });
});
