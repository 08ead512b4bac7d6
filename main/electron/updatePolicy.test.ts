import { describe, expect, it } from 'vitest';
import { DISABLE_UPDATES_ENV, feedUrlOf, updatesEnabled } from './updatePolicy';

describe('updatesEnabled', () => {
  const configured = { isPackaged: true, feedUrl: 'https://updates.example.com/agent-desk', env: {} };
  it('runs only in a packaged build with a real https feed', () => {
    expect(updatesEnabled(configured)).toBe(true);
    expect(updatesEnabled({ ...configured, isPackaged: false })).toBe(false);
    expect(updatesEnabled({ ...configured, feedUrl: null })).toBe(false);
    expect(updatesEnabled({ ...configured, feedUrl: 'https://updates.agent-desk.invalid/feed' })).toBe(false);
    expect(updatesEnabled({ ...configured, feedUrl: 'http://updates.example.com/' })).toBe(false);
    expect(updatesEnabled({ ...configured, feedUrl: 'not a url' })).toBe(false);
    expect(updatesEnabled({ ...configured, env: { [DISABLE_UPDATES_ENV]: '1' } })).toBe(false);
  });
});

describe('feedUrlOf', () => {
  it('reads the url of app-update.yml', () => {
    expect(feedUrlOf("provider: generic\nurl: 'https://updates.example.com/x'\nupdaterCacheDirName: agent-desk-updater\n")).toBe('https://updates.example.com/x');
    expect(feedUrlOf('provider: github\nowner: x\n')).toBeNull();
  });
});
