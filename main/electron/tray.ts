// The tray icon's menu and tooltip, as plain data: Open, the agent's status, Quit. The icon
// itself switches between the plain and the unread variant (trayIcons in main.ts).
import type { MenuItemConstructorOptions } from 'electron';
import { AGENT_STATUSES, type AgentStatus } from '../../shared/domain';
import type { Team } from '../../shared/ipc/contract';
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

const STATUS_FALLBACK: Record<AgentStatus, string> = { available: 'Available', busy: 'Busy', away: 'Away' };

/**
 * The signed-in agent's availability as the tray offers it, from the team as cached. Null while
 * nobody is signed in or the team has not synced that agent yet: the tray then shows no status.
 */
export function trayStatusOf(
  team: Pick<Team, 'agents'> | null,
  selfId: string | null,
  labels: Labels,
  set: (status: AgentStatus) => void,
): TrayStatus<AgentStatus> | null {
  const self = selfId === null ? undefined : team?.agents.find((agent) => agent.id === selfId);
  if (!self) return null;
  return {
    current: self.status,
    choices: AGENT_STATUSES.map((value) => ({ value, label: labels[`agentStatus.${value}`] ?? STATUS_FALLBACK[value] })),
    set,
  };
}

/** "Agent Desk" or "Agent Desk: 3 unread" (translated template with {{count}}). */
export function trayTooltip(appName: string, unread: number, labels: Labels): string {
  if (unread <= 0) return appName;
  const template = labels['tray.unread'] ?? '{{count}} unread';
  return `${appName}: ${template.replace('{{count}}', String(unread))}`;
}
