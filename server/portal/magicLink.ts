// Magic links: the customer's sign-in is a signed, expiring token in a URL, exchanged once for a
// session cookie. The token is `<claims>.<signature>`, both base64url; the signature is an
// HMAC-SHA256 of the claims under the tenant's portal key, so a token signed for one tenant is
// worthless at another and nothing about it is stored until it is used.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { SignInFailure } from '../../shared/portal';

export interface MagicClaims {
  contactId: string;
  /** Epoch ms after which the link no longer signs in. */
  expiresAt: number;
}

const claimsSchema = z.object({ c: z.string().min(1).max(100), e: z.number().int().positive() });

export function newSigningSecret(): string {
  return randomBytes(32).toString('base64url');
}

const signatureOf = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest();

export function signMagicToken(secret: string, claims: MagicClaims): string {
  const payload = Buffer.from(JSON.stringify({ c: claims.contactId, e: claims.expiresAt })).toString('base64url');
  return `${payload}.${signatureOf(secret, payload).toString('base64url')}`;
}

export type MagicCheck = { ok: true; claims: MagicClaims } | { ok: false; reason: SignInFailure };

export function verifyMagicToken(secret: string, token: string, now: number): MagicCheck {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0 || token.length > 1_000) return { ok: false, reason: 'invalid' };
  const expected = signatureOf(secret, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  const claims = claimsSchema.safeParse(decoded);
  if (!claims.success) return { ok: false, reason: 'invalid' };
  if (claims.data.e <= now) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { contactId: claims.data.c, expiresAt: claims.data.e } };
}
