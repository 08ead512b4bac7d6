import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rendererCsp } from './csp';

describe('rendererCsp', () => {
  it('allows only bundled files and, in host mode, connections back to its own origin', () => {
    const electron = rendererCsp("'none'");
    const host = rendererCsp("'self'");
    for (const csp of [electron, host]) {
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("media-src 'self'");
      expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    }
    expect(electron).toContain("connect-src 'none'");
    expect(host).toContain("connect-src 'self'");
  });

  it('matches the meta policy in index.html, directive by directive (a meta tag cannot say frame-ancestors)', () => {
    const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+(.*)/s).slice(0, 2) as [string, string]));
    const header = directives(rendererCsp("'self'"));
    for (const [name, sources] of directives(meta)) expect(header.get(name), name).toBe(sources);
  });
});
