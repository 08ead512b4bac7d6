import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { autostartEntry, linuxAutostart } from './autostart';
import { nativeNotifier, type NativeNotification } from './notifier';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'desk-autostart-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('linuxAutostart', () => {
  it('writes and removes an XDG autostart entry', async () => {
    const port = linuxAutostart({ configDir: dir, fileName: 'agent-desk.desktop', name: 'Agent Desk', execPath: '/opt/Agent Desk/agent-desk' });
    expect(port.launchAtLogin()).toBe(false);
    port.setLaunchAtLogin(true);
    expect(port.launchAtLogin()).toBe(true);
    expect(await readFile(path.join(dir, 'autostart', 'agent-desk.desktop'), 'utf8')).toContain('Exec="/opt/Agent Desk/agent-desk" --hidden');
    port.setLaunchAtLogin(false);
    expect(port.launchAtLogin()).toBe(false);
  });
  it('quotes the executable path', () => {
    expect(autostartEntry('A', '/x/"$y`')).toContain('Exec="/x/\\"\\$y\\`" --hidden');
  });
});

describe('nativeNotifier', () => {
  it('shows silently, keeps the notification until it closes, and reports clicks', () => {
    const created: { options: unknown; listeners: Map<string, () => void>; shown: boolean }[] = [];
    const clicked: string[] = [];
    const notifier = nativeNotifier(
      {
        isSupported: () => true,
        create: (options) => {
          const record = { options, listeners: new Map<string, () => void>(), shown: false };
          created.push(record);
          const notification: NativeNotification = {
            on: (event, listener) => record.listeners.set(event, listener),
            show: () => {
              record.shown = true;
            },
          };
          return notification;
        },
      },
      (n) => clicked.push(n.id),
    );
    notifier.show({ id: 'queued:c1:5', kind: 'queued', conversationId: 'c1', title: 'New', body: 'Ana is waiting.', sound: 'chime' });
    expect(created[0]).toMatchObject({ options: { title: 'New', body: 'Ana is waiting.', silent: true }, shown: true });
    created[0]!.listeners.get('click')!();
    expect(clicked).toEqual(['queued:c1:5']);
  });
  it('does nothing where the OS has no notifications', () => {
    let made = 0;
    const notifier = nativeNotifier({ isSupported: () => false, create: () => { made++; throw new Error('unreachable'); } }, () => undefined);
    notifier.show({ id: 'x', kind: 'test', conversationId: null, title: 't', body: 'b', sound: null });
    expect(made).toBe(0);
  });
});
