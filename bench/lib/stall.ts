// The longest time the core's thread could not run anything else (answer an IPC call, push a
// change notice) while a benchmark drove it. A 1 ms timer measures the gaps between its own turns;
// the time the in-process feed spent generating answers within a gap is taken out, because in
// the app that work happens in the backend's process, not in the core's. On a loaded machine a gap
// also holds the time the scheduler gave the thread no core, so the thread's own CPU time within
// each gap is reported as well (Linux, 10 ms resolution): that part is the code's.

import { formatNumber } from './format';
import type { Metric } from './metric';

export interface Stalls {
  /** The longest gap, less the feed's share, in ms. */
  maxMs: number;
  /** Gaps of 50 ms or more. */
  over50: number;
  /** The most CPU time the thread used within one gap, less the feed's share (null: not readable). */
  maxCpuMs: number | null;
}

export interface StallProbe {
  stop(): Stalls;
}

export function startStallProbe(feedBusyMs: () => number, now: () => number, threadCpuMs: () => number | null = () => null): StallProbe {
  let last = now();
  let lastBusy = feedBusyMs();
  let lastCpu = threadCpuMs();
  let maxMs = 0;
  let over50 = 0;
  let maxCpuMs: number | null = lastCpu === null ? null : 0;
  const tick = () => {
    const t = now();
    const busy = feedBusyMs();
    const cpu = threadCpuMs();
    const gap = t - last - (busy - lastBusy);
    if (gap > maxMs) maxMs = gap;
    if (gap >= 50) over50++;
    if (cpu !== null && lastCpu !== null && maxCpuMs !== null) maxCpuMs = Math.max(maxCpuMs, cpu - lastCpu - (busy - lastBusy));
    last = t;
    lastBusy = busy;
    lastCpu = cpu;
  };
  const timer = setInterval(tick, 1);
  return {
    stop() {
      clearInterval(timer);
      tick();
      return { maxMs, over50, maxCpuMs };
    },
  };
}

/** The table row of a probe's result; `during` names the phase ("the bootstrap"). */
export function stallMetric(id: string, during: string, stalls: Stalls): Metric {
  const cpu = stalls.maxCpuMs === null ? 'n/a' : formatNumber(stalls.maxCpuMs, 'ms');
  return {
    id,
    label: '  longest stall of the core thread',
    value: stalls.maxMs,
    unit: 'ms',
    note: `the core's event loop could not answer IPC for up to ${formatNumber(stalls.maxMs, 'ms')} during ${during}; ${stalls.over50} stalls ≥ 50 ms; the thread's own CPU in one gap at most ${cpu}`,
    details: { over50: stalls.over50, maxCpuMs: stalls.maxCpuMs },
  };
}
