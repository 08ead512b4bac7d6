// Session tokens and webhook secrets are random and only their SHA-256 is stored: a leaked
// database does not leak a usable credential.
import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256(value: string): string {
  return hash('sha256', value, 'base64url');
}

export function matchesHash(value: string, hash: string): boolean {
  const a = Buffer.from(sha256(value));
  const b = Buffer.from(hash);
  return a.length === b.length && timingSafeEqual(a, b);
}
