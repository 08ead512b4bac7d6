// Launch at login. macOS and Windows keep it in the OS (app.setLoginItemSettings); on Linux the
// freedesktop convention is a .desktop file in ~/.config/autostart, written here.
import { mkdirSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DesktopPort } from '../core/ports';

/** The launch-at-login half of the desktop port. */
export type LoginItems = Pick<DesktopPort, 'launchAtLogin' | 'setLaunchAtLogin'>;

/** The autostart entry; Exec quotes the path as the Desktop Entry spec asks. */
export function autostartEntry(name: string, execPath: string): string {
  const quoted = `"${execPath.replace(/(["`$\\])/g, '\\$1')}"`;
  return ['[Desktop Entry]', 'Type=Application', `Name=${name}`, `Exec=${quoted} --hidden`, 'X-GNOME-Autostart-enabled=true', ''].join('\n');
}

export function linuxAutostart(options: { configDir: string; fileName: string; name: string; execPath: string }): LoginItems {
  const file = path.join(options.configDir, 'autostart', options.fileName);
  return {
    launchAtLogin: () => existsSync(file),
    setLaunchAtLogin(enabled) {
      if (!enabled) return rmSync(file, { force: true });
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, autostartEntry(options.name, options.execPath));
    },
  };
}
