import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStaticFile } from './staticPath';

const root = path.resolve('/srv/renderer');

describe('resolveStaticFile', () => {
  it('maps app:// paths under the renderer directory', () => {
    expect(resolveStaticFile(root, 'app://desk/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticFile(root, 'app://desk/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticFile(root, 'app://desk/assets/app-1a2b.js?v=1')).toBe(path.join(root, 'assets', 'app-1a2b.js'));
  });
  it('refuses traversal in every spelling', () => {
    for (const url of [
      'app://desk/..%2f..%2fetc%2fpasswd',
      'app://desk/%2e%2e%2f%2e%2e%2fsecret',
      'app://desk/..%5c..%5csecret',
      'app://desk/a%00.js',
      'app://desk/%E0%A4%A',
    ]) {
      expect(resolveStaticFile(root, url), url).toBeNull();
    }
  });
  it('maps host-mode request paths, / to index.html', () => {
    expect(resolveStaticFile(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticFile(root, '/?token=abc')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticFile(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveStaticFile(root, '/..%2f..%2fetc%2fpasswd')).toBeNull();
  });
  it('keeps dot segments the URL parser already normalised inside the root', () => {
    expect(resolveStaticFile(root, 'app://desk/../../etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
    expect(resolveStaticFile(root, 'app://desk/assets/%2e%2e/%2e%2e/secret')).toBe(path.join(root, 'secret'));
  });
});
