// The desktop app's notifier: the OS notification centre through Electron's Notification. A click
// brings the window forward and opens the conversation. Notifications are kept referenced until
// they close: one that is garbage-collected while shown no longer reports its click.
import type { DeskNotification } from '../../shared/notifications';
import type { Notifier } from '../core/ports';

/** The part of an Electron Notification this adapter uses. */
export interface NativeNotification {
  on(event: 'click' | 'close' | 'failed', listener: () => void): unknown;
  show(): void;
}

export interface NativeNotificationFactory {
  isSupported(): boolean;
  create(options: { title: string; body: string; silent: boolean }): NativeNotification;
}

export function nativeNotifier(factory: NativeNotificationFactory, onClick: (notification: DeskNotification) => void): Notifier {
  const live = new Set<NativeNotification>();
  return {
    show(notification) {
      if (!factory.isSupported()) return;
      // The renderer plays the agent's chosen sound; the OS's own would play on top of it.
      const shown = factory.create({ title: notification.title, body: notification.body, silent: true });
      live.add(shown);
      const forget = () => live.delete(shown);
      shown.on('click', () => {
        forget();
        onClick(notification);
      });
      shown.on('close', forget);
      shown.on('failed', forget);
      shown.show();
    },
  };
}
