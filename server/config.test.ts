import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { DEFAULT_WORKFLOW } from './workflow/settings';

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
      workflow: DEFAULT_WORKFLOW,
    });
  });

  it('reads the workflow lists and timers', () => {
    const config = loadConfig(['--closure-reasons', 'Fixed, Wont fix ,', '--abandon-ms=500'], { AUTO_RESOLVE_MS: '900', TAGS: 'a,b' }, DEFAULT_DIR);
    expect(config.workflow).toMatchObject({ closureReasons: ['Fixed', 'Wont fix'], tags: ['a', 'b'], abandonMs: 500, autoResolveMs: 900 });
    expect(() => loadConfig(['--closure-reasons', ' , '], {}, DEFAULT_DIR)).toThrow(/--closure-reasons/);
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
