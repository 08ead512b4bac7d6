// Public entry point of the core: the Electron glue and host mode create one Core and talk to it
// only through this API.
import type { DeskHandlers, PushEventName, PushEvents } from '../../shared/ipc/contract';
import { DeskCore, type CoreConfig } from './core';
import { createHandlers } from './handlers';

export type { CoreDeps } from './core';
export type { Logger, SecretStore } from './ports';
export { fileSecretStore } from './session/fileSecretStore';

export type CoreOptions = CoreConfig;

export interface Core {
  handlers: DeskHandlers;
  on<E extends PushEventName>(event: E, listener: (payload: PushEvents[E]) => void): () => void;
  /** Opens the cache (recovering from corruption) and resumes a stored session in the background. */
  start(): Promise<void>;
  /** Closes the socket, timers and database files. */
  stop(): Promise<void>;
  /** Asks the window to open a conversation (deep link, notification click). */
  navigate(conversationId: string): void;
}

export function createCore(options: CoreOptions): Core {
  const core = new DeskCore(options);
  return {
    handlers: createHandlers(core),
    on: (event, listener) => core.on(event, listener),
    start: () => core.start(),
    stop: () => core.stop(),
    navigate: (conversationId) => core.navigate(conversationId),
  };
}
