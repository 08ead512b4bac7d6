import type { DeskApi } from '../../../shared/ipc/contract';

declare global {
  interface Window {
    /** Exposed by the preload script in the desktop app; absent in host mode. */
    agentDesk?: DeskApi;
  }
}
