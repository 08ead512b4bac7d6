// Every call across IPC (Electron or the host bridge) answers with a Result, never a thrown error:
// errors are data with a stable code the renderer can translate.
import type { Reason } from '../reasons';

export const IPC_ERROR_CODES = [
  /** The request payload failed its schema. */
  'invalid',
  /** No session: log in first. */
  'unauthenticated',
  /** Wrong email or password. */
  'badCredentials',
  /** The backend could not be reached. */
  'unreachable',
  /** An id that does not exist (in the cache or on the server). */
  'notFound',
  /** The server refused a contested action or a permanent error. */
  'rejected',
  /** Logout would drop messages that have not been sent yet. */
  'unsentMessages',
  /** The sender of an IPC message is not our window. */
  'forbidden',
  /** This window cannot do that (e.g. a desktop-only method in host mode). */
  'unsupported',
  'internal',
] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

export interface IpcError {
  code: IpcErrorCode;
  /** English, for logs; the renderer shows `reason` (or the code's generic text) translated. */
  message: string;
  reason?: Reason;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = (code: IpcErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

/** An error that carries an IPC error code; thrown inside the core, turned into a Result at the edge. */
export class DeskError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
    readonly reason?: Reason,
  ) {
    super(message);
    this.name = 'DeskError';
  }
}

export function toIpcError(e: unknown): IpcError {
  if (e instanceof DeskError) return { code: e.code, message: e.message, ...(e.reason ? { reason: e.reason } : {}) };
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}
