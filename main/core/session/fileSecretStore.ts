// The plain-file SecretStore for host mode and tests: a file readable only by the user. The desktop
// app passes an OS-keychain-backed store instead.
import fs from 'node:fs/promises';
import type { SecretStore } from '../ports';

export function fileSecretStore(file: string): SecretStore {
  return {
    async read() {
      try {
        return await fs.readFile(file, 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    async write(value) {
      // Write-then-rename: a crash never leaves half a session file.
      const tmp = `${file}.tmp`;
      await fs.writeFile(tmp, value, { mode: 0o600 });
      // The mode above applies only when the file is created; a leftover temporary file keeps its
      // own, so set it explicitly before the secret takes the real name.
      await fs.chmod(tmp, 0o600);
      await fs.rename(tmp, file);
    },
    async clear() {
      await fs.rm(file, { force: true });
    },
  };
}
