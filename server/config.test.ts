import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

const DEFAULT_DIR = '/tmp/default-data';

describe('loadConfig', () => {
  it('uses defaults without flags or environment', () => {
    expect(loadConfig([], {}, DEFAULT_DIR)).toEqual({
      host: '127.0.0.1',
      port: 0,
      dataDir: DEFAULT_DIR,
      seed: 'demo',
      simulate: false,
      carrierDelayScale: 1,
      retainEvents: null,
      retainMs: 30 * 24 * 60 * 60 * 1000,
      databaseUrl: null,
      exitOnStdinEnd: false,
      portalDir: null,
      portalLinks: 0,
      outboundLog: null,
    });
  });

  it('reads flags in both spellings, and flags win over the environment', () => {
    const config = loadConfig(
      ['--port', '4100', '--data-dir=rel/dir', '--seed', 'minimal', '--simulate', '--carrier-delay-scale', '0.05', '--retain-events=500'],
      { PORT: '9999', SEED: 'none', RETAIN_MS: '60000' },
      DEFAULT_DIR,
    );
    expect(config).toMatchObject({
      port: 4100,
      dataDir: path.resolve('rel/dir'),
      seed: 'minimal',
      simulate: true,
      carrierDelayScale: 0.05,
      retainEvents: 500,
      retainMs: 60_000,
    });
    expect(loadConfig(['--simulate=false'], { SIMULATE: 'true' }, DEFAULT_DIR).simulate).toBe(false);
  });

  it('rejects unknown flags and bad values with the flag name', () => {
    expect(() => loadConfig(['--prot', '1'], {}, DEFAULT_DIR)).toThrow(/--prot/);
    expect(() => loadConfig(['--seed', 'everything'], {}, DEFAULT_DIR)).toThrow(/--seed/);
    expect(() => loadConfig(['--port', '-3'], {}, DEFAULT_DIR)).toThrow(/--port/);
    expect(() => loadConfig(['--port'], {}, DEFAULT_DIR)).toThrow(/needs a value/);
  });
});
