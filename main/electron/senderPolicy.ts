// Which IPC senders may call the contract. Only the top frame of our own main window, showing our
// own app:// page, is trusted: a subframe, another window, or a page that navigated away (a link,
// an injected redirect) must not reach the core.
import { isAppUrl } from './appOrigin';

/** What the decision needs to know about the frame that sent an IPC message. */
export interface SenderFacts {
  /** The sending frame's URL, or null when the frame is gone. */
  frameUrl: string | null;
  /** The sending frame is the top frame of the main window's web contents. */
  isMainWindowTopFrame: boolean;
}

export function isTrustedSender(facts: SenderFacts): boolean {
  return facts.isMainWindowTopFrame && facts.frameUrl !== null && isAppUrl(facts.frameUrl);
}
