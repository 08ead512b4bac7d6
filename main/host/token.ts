// The per-run secret that admits a client to the bridge. It travels in the page URL, so it is
// long and random; comparison is constant-time so response timing reveals nothing about it.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenMatches(expected: string, given: string | null): boolean {
  if (given === null) return false;
  // Hashing first gives equal-length buffers, so the length of the expected token leaks too.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(expected), digest(given));
}
