import { afterAll, describe, expect, it } from 'vitest';
import { ENGLISH_NOTIFICATION_TEXTS } from '../../../shared/notifications';
import { SETTINGS_DEFAULTS } from '../../../shared/settings';
import { openStore, removeTempDirs, tempDir } from '../testkit/fixtures';
import { loadNotificationTexts, loadSettings, updateSettings } from './settingsStore';

describe('settings store', () => {
  it('stores settings in the outbox file, so they survive reopening and a cache reset', () => {
    const dir = tempDir();
    const first = openStore(dir);
    expect(loadSettings(first.outboxMeta)).toEqual(SETTINGS_DEFAULTS);
    expect(updateSettings(first.outboxMeta, { sendKey: 'modEnter' }).sendKey).toBe('modEnter');
    first.resetCache(null);
    first.close();
    const second = openStore(dir);
    expect(loadSettings(second.outboxMeta)).toEqual({ ...SETTINGS_DEFAULTS, sendKey: 'modEnter' });
    second.close();
  });

  it('reads a damaged value as the defaults', () => {
    const store = openStore(tempDir());
    store.outboxMeta.set('settings', '{not json');
    expect(loadSettings(store.outboxMeta)).toEqual(SETTINGS_DEFAULTS);
    store.close();
  });

  it('keeps notification templates an older version saved, with English for the keys added since', () => {
    const store = openStore(tempDir());
    const { burstTitle: _added, ...older } = { ...ENGLISH_NOTIFICATION_TEXTS, catchUpTitle: 'Während du offline warst', locale: 'de' };
    store.outboxMeta.set('notification_texts', JSON.stringify(older));
    expect(loadNotificationTexts(store.outboxMeta)).toEqual({ ...older, burstTitle: ENGLISH_NOTIFICATION_TEXTS.burstTitle });
    store.outboxMeta.set('notification_texts', '{not json');
    expect(loadNotificationTexts(store.outboxMeta)).toBeNull();
    store.close();
  });
});

afterAll(removeTempDirs);
