import { describe, expect, it } from 'vitest';
import { parseHostArgs } from './args';
import { contentTypeOf } from './staticFiles';
import { createToken, tokenMatches } from './token';
import { decideUpgrade, ownOrigins } from './upgradePolicy';

describe('token', () => {
  it('is long, random and compared exactly', () => {
    const token = createToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createToken()).not.toBe(token);
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(token, `${token}x`)).toBe(false);
    expect(tokenMatches(token, token.slice(0, -1))).toBe(false);
    expect(tokenMatches(token, '')).toBe(false);
    expect(tokenMatches(token, null)).toBe(false);
  });
});

describe('decideUpgrade', () => {
  const token = 'the-token';
  const origins = ownOrigins(4790);
  it('admits the bridge path with the token from our own origin', () => {
    expect(decideUpgrade({ url: '/ipc?token=the-token', origin: 'http://127.0.0.1:4790' }, token, origins)).toEqual({ ok: true });
    expect(decideUpgrade({ url: '/ipc?token=the-token', origin: 'http://localhost:4790' }, token, origins)).toEqual({ ok: true });
  });
  it('answers 401 without the right token', () => {
    for (const url of ['/ipc', '/ipc?token=', '/ipc?token=wrong', '/ipc?tok=the-token']) {
      expect(decideUpgrade({ url, origin: 'http://127.0.0.1:4790' }, token, origins), url).toMatchObject({ ok: false, status: 401 });
    }
  });
  it('answers 403 to other origins and 404 off the bridge path', () => {
    for (const origin of [undefined, 'null', 'http://127.0.0.1:4791', 'https://evil.test', 'http://127.0.0.1.evil.test:4790']) {
      expect(decideUpgrade({ url: '/ipc?token=the-token', origin }, token, origins), String(origin)).toMatchObject({ ok: false, status: 403 });
    }
    expect(decideUpgrade({ url: '/other?token=the-token', origin: origins[0] }, token, origins)).toMatchObject({ ok: false, status: 404 });
  });
});

describe('contentTypeOf', () => {
  it('names content types', () => {
    expect(contentTypeOf('/x/index.html')).toMatch(/^text\/html/);
    expect(contentTypeOf('/x/a.JS')).toMatch(/^text\/javascript/);
    expect(contentTypeOf('/x/blob')).toBe('application/octet-stream');
  });
});


describe('parseHostArgs', () => {
  const defaults = { rendererDir: 'dist/renderer' };
  it('reads the flags', () => {
    expect(parseHostArgs(['--data-dir', 'd', '--server-url', 'http://127.0.0.1:4780'], defaults)).toEqual({
      dataDir: 'd',
      port: 0,
      serverUrl: 'http://127.0.0.1:4780',
      rendererDir: 'dist/renderer',
    });
    expect(parseHostArgs(['--data-dir=d', '--server-url=http://x', '--port=4790', '--renderer-dir=r'], defaults)).toMatchObject({
      port: 4790,
      rendererDir: 'r',
    });
  });
  it('refuses missing or bad flags', () => {
    expect(() => parseHostArgs(['--server-url', 'http://x'], defaults)).toThrow(/--data-dir/);
    expect(() => parseHostArgs(['--data-dir', 'd', '--server-url', 'nope'], defaults)).toThrow(/--server-url/);
    expect(() => parseHostArgs(['--data-dir', 'd', '--server-url', 'http://x', '--port', '70000'], defaults)).toThrow(/--port/);
    expect(() => parseHostArgs(['--data-dir', 'd', '--server-url', 'http://x', '--verbose'], defaults)).toThrow();
  });
});
