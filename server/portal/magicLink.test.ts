import { describe, expect, it } from 'vitest';
import { newSigningSecret, signMagicToken, verifyMagicToken } from './magicLink';

describe('magic links', () => {
  const secret = newSigningSecret();
  const token = signMagicToken(secret, { contactId: 'c1', expiresAt: 2_000 });

  it('verifies its own token until it expires', () => {
    expect(verifyMagicToken(secret, token, 1_999)).toEqual({ ok: true, claims: { contactId: 'c1', expiresAt: 2_000 } });
    expect(verifyMagicToken(secret, token, 2_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses another key, altered claims and garbage', () => {
    expect(verifyMagicToken(newSigningSecret(), token, 0)).toEqual({ ok: false, reason: 'invalid' });
    const [, signature] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ c: 'c2', e: 2_000 })).toString('base64url')}.${signature}`;
    expect(verifyMagicToken(secret, forged, 0)).toEqual({ ok: false, reason: 'invalid' });
    for (const junk of ['', '.', 'a.b', `${token}.x`, 'x'.repeat(2_000)]) {
      expect(verifyMagicToken(secret, junk, 0)).toEqual({ ok: false, reason: 'invalid' });
    }
  });
});
