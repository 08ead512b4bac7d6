import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../db/migrations';
import { CACHE_MIGRATIONS } from '../db/schema';
import { ProfileStore } from './profiles';

function store() {
  const db = new Database(':memory:');
  migrate(db, 'main', CACHE_MIGRATIONS);
  return { db, profiles: new ProfileStore(db) };
}

describe('ProfileStore', () => {
  it('reads back what it stored', () => {
    const { profiles } = store();
    profiles.setLink('c1', { type: 'order', id: 'o1', label: 'WO-1042 · Brake service' });
    expect(profiles.link('c1')).toEqual({ type: 'order', id: 'o1', label: 'WO-1042 · Brake service' });
    expect(profiles.profile('nobody')).toBeUndefined();
  });

  it('treats a stored value that is not JSON, or not the shape, as absent instead of throwing', () => {
    const { db, profiles } = store();
    db.prepare('INSERT INTO contact_profiles (contact_id, profile) VALUES (?, ?)').run('k1', '{"truncated');
    db.prepare('INSERT INTO contact_profiles (contact_id, profile) VALUES (?, ?)').run('k2', '{"notes": 42}');
    db.prepare('INSERT INTO conversation_links (conversation_id, link) VALUES (?, ?)').run('c1', 'not json');
    expect(profiles.profile('k1')).toBeUndefined();
    expect(profiles.profile('k2')).toBeUndefined();
    expect(profiles.link('c1')).toBeNull();
  });
});
