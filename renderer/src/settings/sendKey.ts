import type { SendKey } from '../../../shared/settings';

interface EnterPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** Whether a key press sends the reply under the agent's send-key setting. */
export function isSendPress(press: EnterPress, sendKey: SendKey, isMac: boolean): boolean {
  if (press.key !== 'Enter' || press.shiftKey || press.altKey) return false;
  const modDown = isMac ? press.metaKey : press.ctrlKey;
  return sendKey === 'enter' ? !press.ctrlKey && !press.metaKey : modDown;
}
