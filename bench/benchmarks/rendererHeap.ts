// 6b. Renderer memory: the built renderer in Chromium over the full benchmark cache (core in host
// mode, backend unreachable), the "All" tab (every open conversation) scrolled from top to bottom
// so that every page of it is loaded; the JS heap after a full GC, before and after. Its host and
// the browser may have been started beside an earlier step's set-up (lib/prepared.ts); later steps'
// set-up (`beside`) runs beside this one's page load and is done before the heap is read.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { jsHeapMb, openPage, type RendererHost, type RendererSession } from '../lib/browser';
import { formatNumber } from '../lib/format';
import type { Metric } from '../lib/metric';
import type { Phases } from '../lib/phases';
import type { Prepared } from '../lib/prepared';

const STALL_MS = 15_000;

/**
 * Runs in the page: scrolls the list to its end; answers how many rows it has loaded and whether
 * more are coming, as the list states them (the rows and the loader on screen are only the
 * virtualised window, which lags a scroll by a frame).
 */
function scrollToEnd(): { rows: number; more: boolean } {
  const list = document.querySelector<HTMLElement>('.inbox-list');
  if (!list) return { rows: 0, more: true };
  list.scrollTop = list.scrollHeight;
  return { rows: Number(list.dataset.loadedRows ?? 0), more: list.dataset.hasMore !== 'false' };
}

export async function runRendererHeap(rendererHost: Prepared<RendererHost>, phases: Phases, beside: () => Promise<unknown> = async () => undefined): Promise<Metric[]> {
  let renderer: RendererSession | null = null;
  const later = beside();
  try {
    const started = await rendererHost.get();
    phases.mark('host + browser start');
    renderer = await openPage(started, () => rendererHost.stop(), phases);
    const { page, host } = renderer;
    const counts = await host.api['inbox.counts']({});
    if (!counts.ok) throw new Error(`inbox.counts failed: ${counts.error.message}`);
    const conversations = counts.value.all;
    await page.getByTestId('inbox-tab-all').click({ timeout: 60_000 });
    await page.getByTestId('inbox-row').first().waitFor({ timeout: 60_000 });
    phases.mark('first page');
    await later;
    phases.mark("later steps' set-up");
    const before = await jsHeapMb(page);
    const t0 = performance.now();
    let rows = -1;
    let lastProgress = performance.now();
    for (;;) {
      const now = await page.evaluate(scrollToEnd);
      if (now.rows !== rows) {
        rows = now.rows;
        lastProgress = performance.now();
      } else if (!now.more) break;
      if (performance.now() - lastProgress > STALL_MS) throw new Error(`scrolling stalled at ${rows} rows`);
      await sleep(20);
    }
    const scrollMs = performance.now() - t0;
    if (rows < conversations) throw new Error(`the inbox ended after ${rows} of ${conversations} conversations`);
    const after = await jsHeapMb(page);
    phases.mark('scroll + heap');
    return [
      {
        id: 'memory.renderer.heapMb',
        label: `renderer JS heap after scrolling the All tab (${formatNumber(conversations)} rows)`,
        value: after,
        unit: 'MB',
        note: `after a full GC; ${formatNumber(before, 'MB')} with the first page; scrolling to the end took ${formatNumber(scrollMs / 1000, 's')} (${formatNumber(rows)} rows)`,
        details: { before, after, scrollMs },
      },
    ];
  } finally {
    await later;
    await (renderer ? renderer.close() : rendererHost.stop());
    phases.mark('close');
  }
}
