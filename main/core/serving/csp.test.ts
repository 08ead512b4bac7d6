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
      expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    }
    expect(electron).toContain("connect-src 'none'");
    expect(host).toContain("connect-src 'self'");
  });
});
