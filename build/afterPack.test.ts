// The afterPack hook against a stand-in binary that carries Electron's fuse wire (the sentinel,
// the wire version and length, one byte per fuse), read back with @electron/fuses itself.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The hook as electron-builder loads it (an untyped ES module). */
const hook: string = './afterPack.mjs';
const { afterPack } = (await import(hook)) as { afterPack: (context: unknown) => Promise<void> };
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const WIRE_LENGTH = 8;
/** How the wire stores each fuse (FuseState in @electron/fuses, not exported as a value). */
const FuseState = { DISABLE: 48, ENABLE: 49 } as const;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'desk-fuses-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('afterPack fuses', () => {
  it('turns off RunAsNode, NODE_OPTIONS and inspect, turns on cookie encryption and asar integrity', async () => {
    const binary = path.join(dir, 'agent-desk');
    // Electron ships with every fuse but cookie encryption and asar integrity in its permissive state.
    const wire = Buffer.from([1, WIRE_LENGTH, ...'10110010'.split('').map((c) => (c === '1' ? FuseState.ENABLE : FuseState.DISABLE))]);
    await writeFile(binary, Buffer.concat([Buffer.from('\x7fELF…code…'), Buffer.from(SENTINEL), wire, Buffer.from('…more code')]));
    await afterPack({
      electronPlatformName: 'linux',
      appOutDir: dir,
      arch: 1,
      packager: { executableName: 'agent-desk', appInfo: { productFilename: 'Agent Desk' } },
    });
    const fuses = await getCurrentFuseWire(binary);
    expect(fuses[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
  });
});
