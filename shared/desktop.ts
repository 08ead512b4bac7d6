// Text the desktop app's main process shows (menu bar, tray, spelling menu), translated by the
// renderer and handed over with `desktop.labels`: the main process has no i18n of its own.
import { AGENT_STATUSES } from './domain';
import { COMMANDS } from './keymap';

export const MENU_TITLES = ['file', 'edit', 'view', 'conversation', 'go', 'window', 'help'] as const;
export type MenuTitle = (typeof MENU_TITLES)[number];

/** i18n keys of everything the main process labels: menu titles, menu commands, tray, spelling. */
export const DESKTOP_LABEL_KEYS: readonly string[] = [
  ...MENU_TITLES.map((title) => `menu.${title}`),
  ...COMMANDS.filter((command) => 'menu' in command).map((command) => command.labelKey),
  'tray.open',
  'tray.quit',
  'tray.unread',
  'tray.status',
  ...AGENT_STATUSES.map((status) => `agentStatus.${status}`),
  'menu.addToDictionary',
];
