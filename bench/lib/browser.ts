// The renderer as an agent sees it: the built renderer (rebuilt when out of date) served by a core
// in host mode, in Debian's Chromium driven by playwright-core, as the e2e tests run it.
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildAll } from '../../scripts/lib/build';
import { startHost, type Host } from '../../testing/host';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export interface RendererSession {
  host: Host;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/** Builds what is stale, starts a host on `dataDir` and opens its page; the caller closes it. */
export async function openRenderer(options: { serverUrl: string; dataDir?: string }): Promise<RendererSession> {
  await buildAll({ force: false, log: () => undefined });
  const host = await startHost({ serverUrl: options.serverUrl, ...(options.dataDir ? { dataDir: options.dataDir } : {}) });
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(host.url);
    const b = browser;
    return {
      host,
      browser: b,
      page,
      async close() {
        await b.close();
        await host.stop();
      },
    };
  } catch (e) {
    await browser?.close();
    await host.stop();
    throw e;
  }
}

/** The renderer's JS heap after a full garbage collection, in MB (Chrome DevTools protocol). */
export async function jsHeapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 2 ** 20;
  } finally {
    await cdp.detach();
  }
}
