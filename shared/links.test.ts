import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl } from './links';

describe('isSafeExternalUrl', () => {
  it('lets plain web and mail links out', () => {
    expect(isSafeExternalUrl('https://example.com/track?id=4411')).toBe(true);
    expect(isSafeExternalUrl('http://example.com')).toBe(true);
    expect(isSafeExternalUrl('mailto:support@example.com')).toBe(true);
    expect(isSafeExternalUrl('mailto:support@example.com?subject=Order%204411')).toBe(true);
  });
  it('refuses other protocols, credentials, junk and overlong URLs', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'app://desk/index.html',
      'agentdesk://conversation/c1',
      'https://user:pass@example.com/',
      'https://',
      'not a url',
      'https://example.com/\nhttps://evil.test',
      'mailto:',
      'mailto:not-an-address',
      'mailto:a@b.com,c@d.com',
      `https://example.com/${'a'.repeat(3000)}`,
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});
