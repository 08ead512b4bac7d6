// What the core needs from its host runtime, as interfaces. Electron provides OS-backed
// implementations (main/electron); host mode and tests use the plain ones in main/core.
import type { DeskNotification } from '../../shared/notifications';

/** Where the session (server URL, token, agent) is kept between runs. */
export interface SecretStore {
  read(): Promise<string | null>;
  write(value: string): Promise<void>;
  clear(): Promise<void>;
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * Shows a notification to the agent. The desktop app passes one backed by the OS notification
 * centre (Electron's Notification); without one, the core asks the renderer to show it through the
 * browser's Notification API (host mode).
 */
export interface Notifier {
  show(notification: DeskNotification): void;
}

/** Desktop integration the runtime may offer; absent in host mode. */
export interface DesktopPort {
  launchAtLogin(): boolean;
  setLaunchAtLogin(enabled: boolean): void;
  /** Translated menu and tray labels from the window. */
  setLabels(labels: Readonly<Record<string, string>>): void;
}
