// Host mode's notifier: the core pushes a notification and the page shows it through the
// browser's Notification API (the desktop app shows it natively in the main process instead).
import type { DeskNotification } from '../../../shared/notifications';

/** The part of the browser's Notification API this module uses. */
export interface NotificationApi {
  readonly permission: NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
  new (title: string, options?: NotificationOptions): Notification;
}

export function browserNotificationApi(): NotificationApi | null {
  return typeof window !== 'undefined' && 'Notification' in window ? window.Notification : null;
}

/** Shows the notification; a click brings the page forward and hands the notification back. */
export function showInBrowser(
  api: NotificationApi | null,
  notification: DeskNotification,
  onClick: (notification: DeskNotification) => void,
): boolean {
  if (!api || api.permission !== 'granted') return false;
  const shown = new api(notification.title, {
    body: notification.body,
    // The same tag replaces an older notification about the same thing instead of stacking.
    tag: notification.id,
    // The page plays the agent's chosen sound itself.
    silent: true,
  });
  shown.onclick = () => {
    window.focus();
    shown.close();
    onClick(notification);
  };
  return true;
}
