// The tray icon's menu and tooltip, as plain data: Open, the agent's status, Quit. The icon
// itself switches between the plain and the unread variant (trayIcons in main.ts).
import type { MenuItemConstructorOptions } from 'electron';
import type { Labels } from './menu';

export interface TrayStatus<S extends string> {
  current: S;
  choices: readonly { value: S; label: string }[];
  set(value: S): void;
}

export function trayMenuTemplate<S extends string>(options: {
  labels: Labels;
  open: () => void;
  quit: () => void;
  status: TrayStatus<S> | null;
}): MenuItemConstructorOptions[] {
  const { labels, status } = options;
  const statusItems: MenuItemConstructorOptions[] = status
    ? [
        {
          label: labels['tray.status'] ?? 'Status',
          submenu: status.choices.map((choice) => ({
            label: choice.label,
            type: 'radio' as const,
            checked: choice.value === status.current,
            click: () => status.set(choice.value),
          })),
        },
        { type: 'separator' },
      ]
    : [];
  return [
    { label: labels['tray.open'] ?? 'Open Agent Desk', click: options.open },
    { type: 'separator' },
    ...statusItems,
    { label: labels['tray.quit'] ?? 'Quit', click: options.quit },
  ];
}

/** "Agent Desk" or "Agent Desk: 3 unread" (translated template with {{count}}). */
export function trayTooltip(appName: string, unread: number, labels: Labels): string {
  if (unread <= 0) return appName;
  const template = labels['tray.unread'] ?? '{{count}} unread';
  return `${appName}: ${template.replace('{{count}}', String(unread))}`;
}
