import { describe, expect, it } from 'vitest';
import { APP_START_URL, isAppUrl } from './appOrigin';
import { isTrustedSender } from './senderPolicy';

describe('isAppUrl', () => {
  it('accepts only our app:// origin', () => {
    expect(isAppUrl(APP_START_URL)).toBe(true);
    expect(isAppUrl('app://desk/assets/index.js')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('https://desk/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts the main window top frame on app://', () => {
    expect(isTrustedSender({ frameUrl: APP_START_URL, isMainWindowTopFrame: true })).toBe(true);
  });
  it('refuses subframes, other windows, navigated-away pages and destroyed frames', () => {
    expect(isTrustedSender({ frameUrl: APP_START_URL, isMainWindowTopFrame: false })).toBe(false);
    expect(isTrustedSender({ frameUrl: 'https://evil.test/', isMainWindowTopFrame: true })).toBe(false);
    expect(isTrustedSender({ frameUrl: 'file:///etc/passwd', isMainWindowTopFrame: true })).toBe(false);
    expect(isTrustedSender({ frameUrl: null, isMainWindowTopFrame: true })).toBe(false);
  });
});
