// The one entry point through which every IPC request reaches the core, whatever the transport
// (Electron ipcMain or the host WebSocket bridge): unknown methods and malformed payloads are
// answered with a clear error before any handler runs.
import { contract, type DeskHandlers, type MethodName, type ResponseOf } from './contract';
import { err, ok, toIpcError, type Result } from './result';

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export async function dispatch(
  handlers: DeskHandlers,
  method: unknown,
  payload: unknown,
): Promise<Result<ResponseOf<MethodName>>> {
  if (!isMethodName(method)) return err('invalid', `Unknown method: ${String(method)}`);
  const parsed = contract[method].request.safeParse(payload ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return err('invalid', `Invalid request for ${method}: ${where}${issue?.message ?? 'malformed'}`);
  }
  try {
    const handler = handlers[method] as (request: unknown) => Promise<ResponseOf<MethodName>>;
    return ok(await handler(parsed.data));
  } catch (e) {
    return { ok: false, error: toIpcError(e) };
  }
}
