// Turns the contract's Result values into thrown errors, which is what TanStack Query expects from
// query and mutation functions. The error keeps its code so the UI can translate it.
import type { DeskApi, MethodName, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { IpcError, IpcErrorCode, Result } from '../../../shared/ipc/result';
import type { Reason } from '../../../shared/reasons';

export class DeskCallError extends Error {
  readonly code: IpcErrorCode;
  /** Why, for the agent (i18n/reasonText.ts); the message is English for logs. */
  readonly reason: Reason | undefined;

  constructor(error: IpcError) {
    super(error.message);
    this.name = 'DeskCallError';
    this.code = error.code;
    this.reason = error.reason;
  }
}

export async function callDesk<M extends MethodName>(api: DeskApi, method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
  const fn = api[method] as (request: RequestOf<M>) => Promise<Result<ResponseOf<M>>>;
  const result = await fn(request);
  if (!result.ok) throw new DeskCallError(result.error);
  return result.value;
}

/** The error code of anything a query or mutation threw; unknown failures count as internal. */
export function errorCode(error: unknown): IpcErrorCode {
  return error instanceof DeskCallError ? error.code : 'internal';
}
