import { afterAll, describe, expect, it } from 'vitest';
import { SETTINGS_DEFAULTS } from '../../../shared/settings';
import { openStore, removeTempDirs, tempDir } from '../testkit/fixtures';
import { loadSettings, updateSettings } from './settingsStore';

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
});

afterAll(removeTempDirs);
