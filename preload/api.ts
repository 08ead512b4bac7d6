// The object the preload hands to the page, built from the contract alone so that a method added
// to the contract appears here without touching this file. Kept free of the electron import so it
// can be tested under Node with a fake transport.
import {
  METHOD_NAMES,
  PUSH_EVENT_NAMES,
  ipcChannel,
  pushChannel,
  type DeskApi,
  type PushEventName,
} from '../shared/ipc/contract';

/** The slice of Electron's ipcRenderer this module uses. */
export interface IpcTransport {
  invoke(channel: string, request: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

/** The name under which the API appears on `window` in the renderer. */
export const DESK_API_KEY = 'agentDesk';

const isPushEventName = (name: unknown): name is PushEventName =>
  typeof name === 'string' && (PUSH_EVENT_NAMES as readonly string[]).includes(name);

export function createDeskApi(ipc: IpcTransport): DeskApi {
  const methods = Object.fromEntries(
    METHOD_NAMES.map((method) => [method, (request: unknown) => ipc.invoke(ipcChannel(method), request)]),
  );
  return {
    ...methods,
    on(event: unknown, listener: unknown) {
      if (!isPushEventName(event)) throw new Error(`Unknown push event: ${String(event)}`);
      if (typeof listener !== 'function') throw new Error('A push listener must be a function.');
      // The page gets the payload only: the IpcRendererEvent carries `sender`, which would let
      // page script reach ipcRenderer itself.
      const forward = (_event: unknown, payload: unknown) => listener(payload);
      const channel = pushChannel(event);
      ipc.on(channel, forward);
      return () => {
        ipc.removeListener(channel, forward);
      };
    },
  } as DeskApi;
}
