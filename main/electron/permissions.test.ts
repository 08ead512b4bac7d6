import { describe, expect, it } from 'vitest';
import { newWindowDecision, navigationDecision } from './navigationPolicy';
import { permissionAllowed } from './permissions';

describe('permissionAllowed', () => {
  it('grants notifications to our own page only', () => {
    expect(permissionAllowed('notifications', 'app://desk/index.html')).toBe(true);
    expect(permissionAllowed('notifications', 'app://desk')).toBe(true);
    expect(permissionAllowed('notifications', 'https://evil.test/')).toBe(false);
  });
  it('refuses every other permission', () => {
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'midi', 'openExternal', 'fullscreen', 'pointerLock', 'unknown']) {
      expect(permissionAllowed(permission, 'app://desk/index.html'), permission).toBe(false);
    }
  });
});

describe('navigation', () => {
  it('keeps app:// pages, sends safe links to the OS, refuses the rest', () => {
    expect(navigationDecision('app://desk/index.html')).toBe('stay');
    expect(navigationDecision('https://example.com/')).toBe('openExternal');
    expect(navigationDecision('mailto:help@example.com')).toBe('openExternal');
    expect(navigationDecision('file:///etc/passwd')).toBe('refuse');
    expect(navigationDecision('javascript:alert(1)')).toBe('refuse');
  });
  it('never opens a window of ours', () => {
    expect(newWindowDecision('app://desk/index.html')).toBe('refuse');
    expect(newWindowDecision('https://example.com/')).toBe('openExternal');
    expect(newWindowDecision('smb://server/share')).toBe('refuse');
  });
});
