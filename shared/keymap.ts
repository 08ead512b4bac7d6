// The keymap: every command an agent can run from the keyboard, with its default keys, its label
// (an i18n key) and where it applies. This one table drives the renderer's key handling, the
// shortcut help overlay, the command palette and the desktop menus' accelerators, so none of them
// can list a shortcut that does not exist or miss one that does.
//
// `mod` is Ctrl, or Cmd on macOS. Browser and OS defaults that clash are taken over: Ctrl+R
// resolves the open conversation and never reloads the window (menus must not bind reload to it).

/** Where a binding applies. */
export type KeyScope =
  /** Anywhere, also while typing (modified keys only). */
  | 'global'
  /** Anywhere but text fields (single keys such as j, k, ?). */
  | 'outsideText'
  /** The inbox list or the page background: arrows and Enter keep their meaning on buttons. */
  | 'list'
  /** Handled by the composer itself; listed for the overlay and palette. */
  | 'composer';

export interface KeyBinding {
  /** KeyboardEvent.key, compared case-insensitively for letters. */
  key: string;
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
}

/** Menus the desktop app groups commands under; absent: not in a menu. */
export type MenuGroup = 'conversation' | 'view' | 'go' | 'help';

export interface CommandDef {
  id: string;
  /** i18n key of the label shown in the overlay, the palette and the menu. */
  labelKey: string;
  keys: readonly KeyBinding[];
  scope: KeyScope;
  menu?: MenuGroup;
  /** Listed in the command palette (default true). */
  palette?: boolean;
}

const mod = (key: string, extra: Omit<KeyBinding, 'key' | 'mod'> = {}): KeyBinding => ({ key, mod: true, ...extra });
const plain = (key: string): KeyBinding => ({ key });

export const COMMANDS = [
  // Moving around
  { id: 'next', labelKey: 'keymap.next', keys: [plain('j'), plain('ArrowDown')], scope: 'list', palette: false },
  { id: 'previous', labelKey: 'keymap.previous', keys: [plain('k'), plain('ArrowUp')], scope: 'list', palette: false },
  { id: 'open', labelKey: 'keymap.open', keys: [plain('Enter')], scope: 'list', palette: false },
  { id: 'nextConversation', labelKey: 'keymap.nextConversation', keys: [{ key: 'ArrowDown', alt: true }], scope: 'global', menu: 'go' },
  { id: 'previousConversation', labelKey: 'keymap.previousConversation', keys: [{ key: 'ArrowUp', alt: true }], scope: 'global', menu: 'go' },
  { id: 'viewMine', labelKey: 'keymap.viewMine', keys: [plain('1')], scope: 'outsideText', menu: 'view' },
  { id: 'viewQueued', labelKey: 'keymap.viewQueued', keys: [plain('2')], scope: 'outsideText', menu: 'view' },
  { id: 'viewAll', labelKey: 'keymap.viewAll', keys: [plain('3')], scope: 'outsideText', menu: 'view' },
  { id: 'viewAttention', labelKey: 'keymap.viewAttention', keys: [plain('4')], scope: 'outsideText', menu: 'view' },
  { id: 'viewPending', labelKey: 'keymap.viewPending', keys: [plain('5')], scope: 'outsideText', menu: 'view' },
  { id: 'viewResolved', labelKey: 'keymap.viewResolved', keys: [plain('6')], scope: 'outsideText', menu: 'view' },
  { id: 'escape', labelKey: 'keymap.escape', keys: [plain('Escape')], scope: 'global', palette: false },
  // Working a conversation
  { id: 'accept', labelKey: 'keymap.accept', keys: [plain('a')], scope: 'outsideText', menu: 'conversation' },
  { id: 'newConversation', labelKey: 'keymap.newConversation', keys: [plain('c')], scope: 'outsideText', menu: 'conversation' },
  { id: 'reply', labelKey: 'keymap.reply', keys: [plain('r')], scope: 'outsideText', menu: 'conversation' },
  { id: 'send', labelKey: 'keymap.send', keys: [mod('Enter')], scope: 'composer', palette: false },
  { id: 'newline', labelKey: 'keymap.newline', keys: [{ key: 'Enter', shift: true }], scope: 'composer', palette: false },
  { id: 'canned', labelKey: 'keymap.canned', keys: [mod('/')], scope: 'global', menu: 'conversation' },
  { id: 'note', labelKey: 'keymap.note', keys: [mod('n')], scope: 'global', menu: 'conversation' },
  { id: 'tag', labelKey: 'keymap.tag', keys: [plain('t')], scope: 'outsideText', menu: 'conversation' },
  { id: 'transfer', labelKey: 'keymap.transfer', keys: [mod('t')], scope: 'global', menu: 'conversation' },
  { id: 'resolve', labelKey: 'keymap.resolve', keys: [mod('r')], scope: 'global', menu: 'conversation' },
  { id: 'reopen', labelKey: 'keymap.reopen', keys: [plain('o')], scope: 'outsideText', menu: 'conversation' },
  { id: 'pin', labelKey: 'keymap.pin', keys: [plain('p')], scope: 'outsideText', menu: 'conversation' },
  { id: 'customerPanel', labelKey: 'keymap.customerPanel', keys: [mod('i')], scope: 'global', menu: 'view' },
  // Search
  { id: 'search', labelKey: 'keymap.search', keys: [mod('f', { shift: true })], scope: 'global', menu: 'go' },
  { id: 'searchQuick', labelKey: 'keymap.searchQuick', keys: [plain('/')], scope: 'outsideText', palette: false },
  { id: 'findInThread', labelKey: 'keymap.findInThread', keys: [mod('f')], scope: 'global', menu: 'conversation' },
  // The app
  { id: 'palette', labelKey: 'keymap.palette', keys: [mod('k')], scope: 'global', menu: 'help', palette: false },
  { id: 'settings', labelKey: 'keymap.settings', keys: [mod(',')], scope: 'global', menu: 'help' },
  { id: 'diagnostics', labelKey: 'keymap.diagnostics', keys: [plain('d')], scope: 'outsideText', menu: 'help' },
  { id: 'help', labelKey: 'keymap.help', keys: [plain('?')], scope: 'outsideText', menu: 'help' },
] as const satisfies readonly CommandDef[];

export type CommandId = (typeof COMMANDS)[number]['id'];
export const COMMAND_IDS: readonly CommandId[] = COMMANDS.map((c) => c.id);

export function commandById(id: CommandId): CommandDef {
  return COMMANDS.find((c) => c.id === id) as CommandDef;
}

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const sameKey = (a: string, b: string) => (a.length === 1 && b.length === 1 ? a.toLowerCase() === b.toLowerCase() : a === b);

// Keys that are typed with Shift on common layouts: their binding does not mention Shift.
const SHIFTED = new Set(['?']);

export function matchesBinding(press: KeyPress, binding: KeyBinding, isMac: boolean): boolean {
  const modDown = isMac ? press.metaKey : press.ctrlKey;
  const otherDown = isMac ? press.ctrlKey : press.metaKey;
  if (otherDown || modDown !== Boolean(binding.mod) || press.altKey !== Boolean(binding.alt)) return false;
  if (!SHIFTED.has(binding.key) && press.shiftKey !== Boolean(binding.shift)) return false;
  return sameKey(press.key, binding.key);
}

/** Where keyboard focus is when a key is pressed (see the scopes above). */
export type FocusArea = 'editing' | 'control' | 'list' | 'page';

const SCOPE_AREAS: Record<KeyScope, readonly FocusArea[]> = {
  global: ['editing', 'control', 'list', 'page'],
  outsideText: ['control', 'list', 'page'],
  list: ['list', 'page'],
  composer: [],
};

/** The command a key press runs where focus is, or null. */
export function matchCommand(press: KeyPress, area: FocusArea, isMac: boolean): CommandId | null {
  for (const command of COMMANDS) {
    if (!SCOPE_AREAS[command.scope].includes(area)) continue;
    if (command.keys.some((binding) => matchesBinding(press, binding, isMac))) return command.id;
  }
  return null;
}

const KEY_NAMES: Record<string, string> = {
  ArrowDown: '↓',
  ArrowUp: '↑',
  Escape: 'Esc',
  Enter: 'Enter',
};

/** The parts of a binding as shown to the agent: ["Ctrl", "T"] or ["⌘", "T"]. */
export function keyLabels(binding: KeyBinding, isMac: boolean): string[] {
  const parts: string[] = [];
  if (binding.mod) parts.push(isMac ? '⌘' : 'Ctrl');
  if (binding.alt) parts.push(isMac ? '⌥' : 'Alt');
  if (binding.shift) parts.push(isMac ? '⇧' : 'Shift');
  parts.push(KEY_NAMES[binding.key] ?? (binding.key.length === 1 ? binding.key.toUpperCase() : binding.key));
  return parts;
}

const ACCELERATOR_KEYS: Record<string, string> = { ArrowDown: 'Down', ArrowUp: 'Up', Escape: 'Esc', Enter: 'Return' };

/** The Electron accelerator of a binding ("CmdOrCtrl+T"), for menu items. */
export function accelerator(binding: KeyBinding): string {
  const parts: string[] = [];
  if (binding.mod) parts.push('CmdOrCtrl');
  if (binding.alt) parts.push('Alt');
  if (binding.shift) parts.push('Shift');
  parts.push(ACCELERATOR_KEYS[binding.key] ?? (binding.key.length === 1 ? binding.key.toUpperCase() : binding.key));
  return parts.join('+');
}
