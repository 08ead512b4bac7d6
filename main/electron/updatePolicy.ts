// Auto-update is off unless configured: electron-builder.yml's `publish` feed points at a
// placeholder on the reserved .invalid domain until a team sets its own update server, and
// development runs never update. AGENT_DESK_DISABLE_UPDATES=1 turns it off in a configured build.
export const DISABLE_UPDATES_ENV = 'AGENT_DESK_DISABLE_UPDATES';

export function updatesEnabled(facts: {
  isPackaged: boolean;
  /** The `url` of the generic feed from the packaged app-update.yml, or null when there is none. */
  feedUrl: string | null;
  env: Record<string, string | undefined>;
}): boolean {
  if (!facts.isPackaged || facts.feedUrl === null) return false;
  if (facts.env[DISABLE_UPDATES_ENV] === '1') return false;
  let url: URL;
  try {
    url = new URL(facts.feedUrl);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && !url.hostname.endsWith('.invalid');
}

/** The generic feed's url in an app-update.yml (a flat YAML file written by electron-builder). */
export function feedUrlOf(appUpdateYml: string): string | null {
  const line = appUpdateYml.split(/\r?\n/).find((l) => /^url:\s*/.test(l));
  if (!line) return null;
  const value = line.replace(/^url:\s*/, '').trim().replace(/^['"]|['"]$/g, '');
  return value === '' ? null : value;
}
