// Login over HTTP, with failures turned into errors the agent can act on.
import { DeskError } from '../../../shared/ipc/result';
import { reason } from '../../../shared/reasons';
import { HTTP, httpErrorSchema, loginResponseSchema, type LoginResponse } from '../../../shared/protocol';

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal }) => Promise<{
  status: number;
  ok: boolean;
  json(): Promise<unknown>;
}>;

const LOGIN_TIMEOUT_MS = 15_000;

export async function login(
  fetchImpl: FetchLike,
  serverUrl: string,
  email: string,
  password: string,
): Promise<LoginResponse> {
  const url = new URL(HTTP.login, serverUrl).toString();
  let res: Awaited<ReturnType<FetchLike>>;
  try {
    res = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
      signal: AbortSignal.timeout(LOGIN_TIMEOUT_MS),
    });
  } catch {
    throw new DeskError('unreachable', `Cannot reach the server at ${serverUrl}. Check the address and your connection.`, reason('serverUnreachable'));
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.status === 401) throw new DeskError('badCredentials', 'Wrong email or password.');
  if (!res.ok) {
    const parsed = httpErrorSchema.safeParse(body);
    const detail = parsed.success ? parsed.data.error.message : `HTTP ${res.status}`;
    if (res.status === 400) throw new DeskError('invalid', detail);
    throw new DeskError('unreachable', `The server at ${serverUrl} could not log you in (${detail}).`);
  }
  const parsed = loginResponseSchema.safeParse(body);
  if (!parsed.success) {
    throw new DeskError('unreachable', `The server at ${serverUrl} answered in a way this app does not understand.`, reason('serverNotUnderstood'));
  }
  return parsed.data;
}
