import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startSlowLink, type SlowLink } from './slowLink';

let server: http.Server | null = null;
let link: SlowLink | null = null;
afterEach(async () => {
  await link?.stop();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(null)));
  link = null;
  server = null;
});

/** An HTTP server that answers every POST with the SHA-256 of its body. */
async function hashingServer(): Promise<string> {
  server = http.createServer((req, res) => {
    const hash = createHash('sha256');
    req.on('data', (part: Buffer) => hash.update(part));
    req.on('end', () => res.end(hash.digest('hex')));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('startSlowLink', () => {
  it('relays both ways intact, and never faster than its uplink rate', async () => {
    const rate = 512 * 1024;
    link = await startSlowLink({ target: await hashingServer(), uplinkBytesPerSecond: rate });
    const body = randomBytes(768 * 1024);

    const started = performance.now();
    const response = await fetch(`${link.url}/upload`, { method: 'POST', body });
    const answer = await response.text();
    const elapsedMs = performance.now() - started;

    expect(answer).toBe(createHash('sha256').update(body).digest('hex'));
    expect(link.uploaded).toBeGreaterThan(body.length);
    // A lower bound only: a loaded machine makes the upload slower, never faster. The first
    // chunk goes at once, so allow for one socket read's worth.
    expect(elapsedMs).toBeGreaterThanOrEqual(((body.length - 64 * 1024) * 1000) / rate);
  });

  it('refuses a rate that is not positive', async () => {
    await expect(startSlowLink({ target: 'http://127.0.0.1:9', uplinkBytesPerSecond: 0 })).rejects.toThrow(/positive/);
  });
});
