// ipcMain wiring, derived from the contract: one handler per method, each refusing senders other
// than our main window before the payload reaches dispatch() (which validates it against the
// method's schema). Push events from the core go to the window on their derived channels.
import type { IpcMainInvokeEvent } from 'electron';
import {
  METHOD_NAMES,
  PUSH_EVENT_NAMES,
  ipcChannel,
  pushChannel,
  type DeskHandlers,
  type PushEventName,
  type PushEvents,
} from '../../shared/ipc/contract';
import { dispatch } from '../../shared/ipc/dispatch';
import { err } from '../../shared/ipc/result';
import { isTrustedSender } from './senderPolicy';

/** The part of Electron's ipcMain this module uses. */
export interface IpcRegistry {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** The frame identity of a web contents' top frame. */
interface FrameIdentity {
  processId: number;
  routingId: number;
}

/** The main window as far as the sender check is concerned; null while there is none. */
export interface MainWindowRef {
  webContents: { id: number; mainFrame: FrameIdentity };
}

export function senderIsTrusted(event: IpcMainInvokeEvent, window: MainWindowRef | null): boolean {
  const frame = event.senderFrame;
  const top = window?.webContents.mainFrame;
  const isMainWindowTopFrame =
    frame !== null &&
    top !== undefined &&
    event.sender.id === window?.webContents.id &&
    frame.processId === top.processId &&
    frame.routingId === top.routingId;
  return isTrustedSender({ frameUrl: frame?.url ?? null, isMainWindowTopFrame });
}

/** Registers every contract method; returns a function that removes them again. */
export function registerContractHandlers(
  ipc: IpcRegistry,
  handlers: DeskHandlers,
  mainWindow: () => MainWindowRef | null,
): () => void {
  for (const method of METHOD_NAMES) {
    ipc.handle(ipcChannel(method), async (event, payload) => {
      if (!senderIsTrusted(event, mainWindow())) {
        return err('forbidden', `${method} was called from a frame that is not the Agent Desk window.`);
      }
      return dispatch(handlers, method, payload);
    });
  }
  return () => {
    for (const method of METHOD_NAMES) ipc.removeHandler(ipcChannel(method));
  };
}

/** The core's push-event subscription. */
export interface PushSource {
  on<E extends PushEventName>(event: E, listener: (payload: PushEvents[E]) => void): () => void;
}

/** Forwards every push event to `send` on its derived channel; returns the unsubscribe. */
export function forwardPushEvents(source: PushSource, send: (channel: string, payload: unknown) => void): () => void {
  const unsubscribers = PUSH_EVENT_NAMES.map((event) =>
    source.on(event, (payload) => send(pushChannel(event), payload)),
  );
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
