import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../core/ports';
import { createSafeSecretStore, encryptionIsReal, type Encryptor } from './safeSecretStore';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'desk-secrets-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Reversible stand-in for the OS keychain: enough to show that plaintext never hits the disk. */
const xorEncryptor = (available = true, backend = 'gnome_libsecret'): Encryptor => ({
  isEncryptionAvailable: () => available,
  getSelectedStorageBackend: () => backend,
  encryptString: (text) => Buffer.from([...Buffer.from(text, 'utf8')].map((b) => b ^ 0x5a)),
  decryptString: (data) => Buffer.from([...data].map((b) => b ^ 0x5a)).toString('utf8'),
});

function recordingLog() {
  const warnings: string[] = [];
  const log: Logger = { info: () => undefined, warn: (message) => warnings.push(message), error: () => undefined };
  return { log, warnings };
}

describe('encryptionIsReal', () => {
  it("refuses Linux's built-in-key backend and an unknown one", () => {
    expect(encryptionIsReal(xorEncryptor(true, 'gnome_libsecret'), 'linux')).toBe(true);
    expect(encryptionIsReal(xorEncryptor(true, 'basic_text'), 'linux')).toBe(false);
    expect(encryptionIsReal(xorEncryptor(true, 'unknown'), 'linux')).toBe(false);
    expect(encryptionIsReal(xorEncryptor(false), 'darwin')).toBe(false);
    expect(encryptionIsReal(xorEncryptor(true, 'unknown'), 'win32')).toBe(true);
  });
});

describe('createSafeSecretStore', () => {
  it('round-trips an encrypted secret through a 0600 file', async () => {
    const file = path.join(dir, 'nested', 'session.bin');
    const store = createSafeSecretStore({ file, encryptor: xorEncryptor(), platform: 'linux', log: recordingLog().log });
    expect(await store.read()).toBeNull();
    await store.write('{"token":"secret-token"}');
    expect((await readFile(file)).toString('utf8')).not.toContain('secret-token');
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await store.read()).toBe('{"token":"secret-token"}');
    await store.clear();
    expect(await store.read()).toBeNull();
  });

  it('keeps the secret in memory only when encryption is unavailable, and says so', async () => {
    const file = path.join(dir, 'session.bin');
    const { log, warnings } = recordingLog();
    const store = createSafeSecretStore({ file, encryptor: xorEncryptor(false), platform: 'linux', log });
    await store.write('secret-token');
    expect(await store.read()).toBe('secret-token');
    await expect(stat(file)).rejects.toThrow();
    expect(warnings.join(' ')).toMatch(/not saved to disk/);
  });

  it('treats an undecryptable file as logged out', async () => {
    const file = path.join(dir, 'session.bin');
    const { log, warnings } = recordingLog();
    await createSafeSecretStore({ file, encryptor: xorEncryptor(), platform: 'linux', log }).write('secret-token');
    const broken: Encryptor = { ...xorEncryptor(), decryptString: () => { throw new Error('keychain changed'); } };
    expect(await createSafeSecretStore({ file, encryptor: broken, platform: 'linux', log }).read()).toBeNull();
    expect(warnings).toHaveLength(1);
  });
});
