// The agent's preferences, kept in the outbox file's key/value table: like unsent work they belong
// to the agent on this device and must survive a rebuilt cache.
import { readSettings, type Settings, type SettingsPatch } from '../../../shared/settings';
import type { Meta } from '../cache/meta';

const KEY = 'settings';

export function loadSettings(meta: Meta): Settings {
  const raw = meta.get(KEY);
  if (raw === null) return readSettings({});
  try {
    const stored: unknown = JSON.parse(raw);
    return readSettings(stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {});
  } catch {
    return readSettings({});
  }
}

/** Applies a validated patch and returns the settings as now stored. */
export function updateSettings(meta: Meta, patch: SettingsPatch): Settings {
  const next = { ...loadSettings(meta), ...patch };
  meta.set(KEY, JSON.stringify(next));
  return next;
}
