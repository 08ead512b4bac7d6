import { commandById, type CommandId, type KeyBinding } from '../../../shared/keymap';
import type { SendKey } from '../../../shared/settings';

/** The keys a command really has: sending and new lines swap with the send-key setting. */
export function effectiveKeys(id: CommandId, sendKey: SendKey): readonly KeyBinding[] {
  if (sendKey === 'enter' && id === 'send') return [{ key: 'Enter' }];
  if (sendKey === 'enter' && id === 'newline') return [{ key: 'Enter', shift: true }];
  if (sendKey === 'modEnter' && id === 'newline') return [{ key: 'Enter' }, { key: 'Enter', shift: true }];
  return commandById(id).keys;
}
