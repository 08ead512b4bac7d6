// The server side of the bridge protocol (shared/ipc/bridge.ts): a `call` becomes dispatch() on
// the core's handlers, answered with a `result` carrying the same id. Whatever a client sends,
// the answer is an error result, never an exception in the host.
import type { BridgeServerMessage } from '../../shared/ipc/bridge';
import type { DeskHandlers } from '../../shared/ipc/contract';
import { dispatch } from '../../shared/ipc/dispatch';
import { err } from '../../shared/ipc/result';

/** Answers results for messages whose id cannot be read; clients number their calls from 1. */
const NO_CALL_ID = 0;

export async function answerBridgeMessage(handlers: DeskHandlers, raw: string): Promise<BridgeServerMessage> {
  let message: unknown;
  try {
    message = JSON.parse(raw);
  } catch {
    return { type: 'result', id: NO_CALL_ID, result: err('invalid', 'The bridge message is not JSON.') };
  }
  if (typeof message !== 'object' || message === null) {
    return { type: 'result', id: NO_CALL_ID, result: err('invalid', 'The bridge message is not an object.') };
  }
  const { type, id, method, payload } = message as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) {
    return { type: 'result', id: NO_CALL_ID, result: err('invalid', 'The bridge message has no numeric id.') };
  }
  if (type !== 'call') {
    return { type: 'result', id, result: err('invalid', `Unknown bridge message type: ${String(type)}`) };
  }
  return { type: 'result', id, result: await dispatch(handlers, method, payload) };
}
