// The native menu bar, built from the keymap (shared/keymap.ts) plus the standard roles (edit,
// window, zoom). The renderer handles every keymap key itself, so the menu only shows the
// shortcuts (registerAccelerator: false) and runs the command when clicked: a key never runs
// twice, and no menu item takes Ctrl+R, which resolves a conversation instead of reloading.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuTitle } from '../../shared/desktop';
import { COMMANDS, type CommandDef, type KeyBinding, type MenuGroup } from '../../shared/keymap';

/** Translated labels by i18n key (shared/desktop.ts); missing ones fall back to English. */
export type Labels = Readonly<Record<string, string>>;

/** English until the window sends translations (before it has loaded, or when it never does). */
const FALLBACK_TITLES: Record<MenuTitle, string> = {
  file: 'File',
  edit: 'Edit',
  view: 'View',
  conversation: 'Conversation',
  go: 'Go',
  window: 'Window',
  help: 'Help',
};

const KEY_NAMES: Record<string, string> = {
  ArrowDown: 'Down',
  ArrowUp: 'Up',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Enter: 'Return',
  Escape: 'Escape',
  ' ': 'Space',
};

/** A keymap binding as an Electron accelerator ("CmdOrCtrl+Shift+K"). */
export function toAccelerator(binding: KeyBinding): string {
  const parts: string[] = [];
  if (binding.mod) parts.push('CmdOrCtrl');
  if (binding.alt) parts.push('Alt');
  if (binding.shift) parts.push('Shift');
  const key = KEY_NAMES[binding.key] ?? (binding.key.length === 1 ? binding.key.toUpperCase() : binding.key);
  parts.push(key);
  return parts.join('+');
}

const humanize = (id: string) => id.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());

export interface MenuOptions {
  labels: Labels;
  isMac: boolean;
  /** Development builds get the developer tools. */
  isDev: boolean;
  run: (commandId: string) => void;
}

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { labels, isMac, isDev, run } = options;
  const title = (name: MenuTitle) => labels[`menu.${name}`] ?? FALLBACK_TITLES[name];
  const commands = (group: MenuGroup): MenuItemConstructorOptions[] =>
    (COMMANDS as readonly CommandDef[])
      .filter((command) => command.menu === group)
      .map((command) => {
        const [binding] = command.keys;
        return {
          id: `command:${command.id}`,
          label: labels[command.labelKey] ?? humanize(command.id),
          ...(binding ? { accelerator: toAccelerator(binding), registerAccelerator: false } : {}),
          click: () => run(command.id),
        };
      });

  const template: MenuItemConstructorOptions[] = [];
  if (isMac) template.push({ role: 'appMenu' });
  else template.push({ label: title('file'), submenu: [{ role: 'quit' }] });
  template.push(
    { label: title('edit'), role: 'editMenu' },
    {
      label: title('view'),
      submenu: [
        ...commands('view'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        // Never 'reload' or 'forceReload': their Ctrl+R belongs to resolving a conversation, and
        // reloading would only lose what the agent is typing.
        ...(isDev ? [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }] : []),
      ],
    },
    { label: title('conversation'), submenu: commands('conversation') },
    { label: title('go'), submenu: commands('go') },
    { label: title('window'), role: 'windowMenu' },
    { label: title('help'), role: 'help', submenu: commands('help') },
  );
  return template;
}
