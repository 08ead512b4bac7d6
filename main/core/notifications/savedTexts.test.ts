// The notification templates a window sent outlive a restart of the core: a notification raised
// before any window exists again (a catch-up right after start) is in the agent's language.
import { afterAll, describe, expect, it } from 'vitest';
import { ENGLISH_NOTIFICATION_TEXTS, type DeskNotification } from '../../../shared/notifications';
import { startCore } from '../testkit/harness';
import { removeTempDirs, tempDir } from '../testkit/fixtures';

afterAll(removeTempDirs);

describe('notification texts across a restart', () => {
  it('are the last ones a window sent, not English', async () => {
    const dataDir = tempDir();
    // No backend is needed: nothing here talks to one.
    const first = await startCore('http://127.0.0.1:9', dataDir);
    const german = { ...ENGLISH_NOTIFICATION_TEXTS, testTitle: 'Benachrichtigungen funktionieren' };
    await first.handlers['notifications.texts'](german);
    await first.stop();

    const again = await startCore('http://127.0.0.1:9', dataDir);
    const shown: DeskNotification[] = [];
    again.on('notify', ({ notification }) => shown.push(notification));
    await again.handlers['notifications.test']({});
    expect(shown.map((n) => n.title)).toEqual(['Benachrichtigungen funktionieren']);
    await again.stop();
  });
});
