/** macOS uses Cmd where other systems use Ctrl (shared/keymap.ts `mod`). */
export function detectMac(nav: Pick<Navigator, 'platform' | 'userAgent'> = navigator): boolean {
  return /Mac|iPhone|iPad/.test(nav.platform || nav.userAgent);
}
