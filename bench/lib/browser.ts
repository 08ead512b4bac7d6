// The renderer as an agent sees it: the built renderer (rebuilt when out of date) served by a core
// in host mode, in Debian's Chromium driven by playwright-core, as the e2e tests run it.
import type { Browser, Page } from 'playwright-core';
import { buildAll } from '../../scripts/lib/build';
import { startHost, type Host } from '../../testing/host';
import { bundle } from '../../scripts/lib/bundle';
import type { Phases } from './phases';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export interface RendererSession {
  host: Host;
  page: Page;
  /** Closes the page's browser context and stops the host; the browser stays. */
  close(): Promise<void>;
}

/**
 * One Chromium for the steps that open the renderer, one after the other, each in its own browser
 * context (its own renderer process, storage and cache); launched on first use.
 */
export interface SharedBrowser {
  get(): Promise<Browser>;
  close(): Promise<void>;
}

export function sharedBrowser(): SharedBrowser {
  let launched: Promise<Browser> | null = null;
  return {
    get() {
      if (!launched) {
        // Loaded here, not at start-up (about a second of CPU): the first step that needs a browser
        // loads it while its host starts.
        launched = import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS }));
        // A step that fails before it awaits the launch must not leave an unhandled rejection.
        launched.catch(() => undefined);
      }
      return launched;
    },
    async close() {
      const browser = await launched?.catch(() => null);
      launched = null;
      await browser?.close();
    },
  };
}

let built: Promise<string[]> | null = null;

/**
 * Builds the renderer if its sources changed since its last build, once per run; answers whether it
 * was built. Nothing else of the app's build is used here (host mode runs from its own bundle).
 */
export function buildApp(): Promise<string[]> {
  built ??= buildAll({ force: false, only: ['renderer'], log: () => undefined }).then((report) => report.built);
  return built;
}

/** A host started for the renderer, and the browser that will open its page. */
export interface RendererHost {
  host: Host;
  browser: Browser;
}

/** Starts a host on `dataDir` (building what is stale first) while the browser comes up. */
export async function startRendererHost(options: { serverUrl: string; dataDir?: string; browser: SharedBrowser }): Promise<RendererHost> {
  await buildApp();
  const starting = startHost({ serverUrl: options.serverUrl, script: await bundle('host'), ...(options.dataDir ? { dataDir: options.dataDir } : {}) });
  const [host, browser] = await Promise.allSettled([starting, options.browser.get()]);
  if (host.status === 'rejected') throw host.reason;
  if (browser.status === 'rejected') {
    await host.value.stop();
    throw browser.reason;
  }
  return { host: host.value, browser: browser.value };
}

/** Opens the host's page in a new context; the session's `close` also runs `stopHost`. */
export async function openPage(started: RendererHost, stopHost: () => Promise<void>, phases: Phases): Promise<RendererSession> {
  const context = await started.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const close = async () => {
    await context.close();
    await stopHost();
  };
  try {
    const page = await context.newPage();
    await page.goto(started.host.url);
    phases.mark('page load');
    return { host: started.host, page, close };
  } catch (e) {
    await close();
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
