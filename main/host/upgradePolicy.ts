// Who may open the bridge WebSocket. A browser page on another origin can open WebSockets to
// 127.0.0.1 too, so besides the token the Origin header must be the host's own origin.
import { BRIDGE_PATH, BRIDGE_TOKEN_PARAM } from '../../shared/ipc/bridge';
import { tokenMatches } from './token';

export interface UpgradeRequest {
  /** The request target, e.g. `/ipc?token=...`. */
  url: string;
  origin: string | undefined;
}

export type UpgradeDecision = { ok: true } | { ok: false; status: 401 | 403 | 404; reason: string };

/** The origins a page served by this host has: the printed 127.0.0.1 address and its localhost alias. */
export function ownOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

export function decideUpgrade(request: UpgradeRequest, token: string, allowedOrigins: readonly string[]): UpgradeDecision {
  const url = new URL(request.url, 'http://host.invalid');
  if (url.pathname !== BRIDGE_PATH) return { ok: false, status: 404, reason: 'not the bridge path' };
  if (!tokenMatches(token, url.searchParams.get(BRIDGE_TOKEN_PARAM))) {
    return { ok: false, status: 401, reason: 'missing or wrong token' };
  }
  if (request.origin === undefined || !allowedOrigins.includes(request.origin)) {
    return { ok: false, status: 403, reason: 'foreign origin' };
  }
  return { ok: true };
}
