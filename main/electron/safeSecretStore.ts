// The session secret in the desktop app, encrypted with the OS keychain through Electron's
// safeStorage and kept as a file in userData. When the OS offers no encryption (for example Linux
// without a secret service) the secret is kept in memory only and the agent logs in again next
// run: a bearer token is never written in clear by the desktop app. Linux's `basic_text` backend
// counts as unavailable: it "encrypts" with a key built into Chromium.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger, SecretStore } from '../core/ports';

/** The part of Electron's safeStorage this store uses. */
export interface Encryptor {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which password store backs the encryption key. */
  getSelectedStorageBackend(): string;
}

export function encryptionIsReal(encryptor: Encryptor, platform: NodeJS.Platform): boolean {
  if (!encryptor.isEncryptionAvailable()) return false;
  if (platform !== 'linux') return true;
  const backend = encryptor.getSelectedStorageBackend();
  return backend !== 'basic_text' && backend !== 'unknown';
}

export function createSafeSecretStore(options: {
  file: string;
  encryptor: Encryptor;
  platform: NodeJS.Platform;
  log: Logger;
}): SecretStore {
  const { file, encryptor, platform, log } = options;
  let memoryOnly: string | null = null;
  const canEncrypt = () => encryptionIsReal(encryptor, platform);

  return {
    async read() {
      if (!canEncrypt()) return memoryOnly;
      let encrypted: Buffer;
      try {
        encrypted = await readFile(file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
      try {
        return encryptor.decryptString(encrypted);
      } catch (e) {
        // A keychain reset or a copied profile makes the file undecryptable: treat it as logged
        // out rather than failing every start.
        log.warn('The stored session could not be decrypted; a new login is needed.', { error: String(e) });
        return null;
      }
    },
    async write(value) {
      if (!canEncrypt()) {
        log.warn('OS encryption is unavailable, so the session is kept for this run only and not saved to disk.');
        memoryOnly = value;
        return;
      }
      await mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.tmp`;
      await writeFile(temporary, encryptor.encryptString(value), { mode: 0o600 });
      await rename(temporary, file);
    },
    async clear() {
      memoryOnly = null;
      await rm(file, { force: true });
    },
  };
}
