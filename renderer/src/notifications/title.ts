/** The window title with the unread count in front, as mail and chat apps do: "(3) Agent Desk". */
export function windowTitle(appName: string, unread: number): string {
  if (unread <= 0) return appName;
  return `(${unread > 99 ? '99+' : unread}) ${appName}`;
}
