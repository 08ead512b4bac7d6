import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileSecretStore } from './fileSecretStore';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'desk-file-secrets-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('fileSecretStore (host mode)', () => {
  it('keeps the session in a file only its owner can read or write', async () => {
    const file = path.join(dir, 'session.json');
    const store = fileSecretStore(file);
    expect(await store.read()).toBeNull();
    await store.write('{"token":"t-1"}');
    expect(await readFile(file, 'utf8')).toBe('{"token":"t-1"}');
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await store.read()).toBe('{"token":"t-1"}');
  });

  it('stays 0600 even when a world-readable temporary file was left behind', async () => {
    const file = path.join(dir, 'session.json');
    await writeFile(`${file}.tmp`, 'stale', { mode: 0o644 });
    await fileSecretStore(file).write('{"token":"t-2"}');
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('forgets the session on clear', async () => {
    const file = path.join(dir, 'session.json');
    const store = fileSecretStore(file);
    await store.write('x');
    await store.clear();
    expect(await store.read()).toBeNull();
    await store.clear();
  });
});
