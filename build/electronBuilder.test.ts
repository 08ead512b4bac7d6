// The packaging configuration says what docs/SECURITY.md and the README promise: the targets, the
// hardened runtime with its entitlements, the fuses hook, better-sqlite3 outside the asar, the
// deep-link scheme, and an update feed that stays off until a real one is set.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { updatesEnabled } from '../main/electron/updatePolicy';

const fromRoot = (file: string) => fileURLToPath(new URL(`../${file}`, import.meta.url));

interface BuilderConfig {
  asarUnpack: string[];
  afterPack: string;
  protocols: { schemes: string[] }[];
  publish: { provider: string; url: string }[];
  linux: { target: string[]; icon: string };
  win: { target: string; icon: string };
  mac: { target: string; hardenedRuntime: boolean; entitlements: string; entitlementsInherit: string; icon: string };
}

const config = load(readFileSync(fromRoot('electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('builds AppImage and deb, NSIS and a hardened dmg, with icons and entitlements from build/', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toBe('nsis');
    expect(config.mac).toMatchObject({ target: 'dmg', hardenedRuntime: true });
    for (const file of [config.mac.entitlements, config.mac.entitlementsInherit, config.linux.icon, config.win.icon, config.mac.icon]) {
      expect(existsSync(fromRoot(file)), file).toBe(true);
    }
  });

  it('unpacks better-sqlite3 from the asar, flips the fuses after packing and registers agentdesk://', () => {
    expect(config.asarUnpack.some((pattern) => pattern.includes('better-sqlite3'))).toBe(true);
    expect(existsSync(fromRoot(config.afterPack))).toBe(true);
    expect(config.protocols.flatMap((p) => p.schemes)).toContain('agentdesk');
  });

  it('names an update feed that stays off until configured', () => {
    const [feed] = config.publish;
    expect(feed?.provider).toBe('generic');
    expect(updatesEnabled({ isPackaged: true, feedUrl: feed!.url, env: {} })).toBe(false);
  });
});
