// CPU time, which a loaded machine inflates far less than wall-clock time: on a shared machine the
// scheduler decides how long a step waits, not how much work it does.
import fs from 'node:fs';
import { formatNumber } from './format';

/**
 * What this process has used so far: CPU, the kernel's part of it, and minor page faults (pages
 * mapped in without reading storage, most of them memory touched for the first time). Where new
 * memory is dear, as on a virtual machine whose host takes freed memory back, the kernel's part
 * moves with it from run to run; docs/PERFORMANCE.md ("Catch-up, eleventh round").
 */
export interface OwnUsage {
  cpuS: number;
  kernelS: number;
  minorFaults: number;
}

export function ownUsage(): OwnUsage {
  const r = process.resourceUsage();
  return { cpuS: (r.userCPUTime + r.systemCPUTime) / 1e6, kernelS: r.systemCPUTime / 1e6, minorFaults: r.minorPageFault };
}

/** What this process used from `before` to `after` (now, by default). */
export function usageSince(before: OwnUsage, after: OwnUsage = ownUsage()): OwnUsage {
  return { cpuS: after.cpuS - before.cpuS, kernelS: after.kernelS - before.kernelS, minorFaults: after.minorFaults - before.minorFaults };
}

/** The sum of two usages. */
export function addUsage(a: OwnUsage, b: OwnUsage): OwnUsage {
  return { cpuS: a.cpuS + b.cpuS, kernelS: a.kernelS + b.kernelS, minorFaults: a.minorFaults + b.minorFaults };
}

/** E.g. "CPU 4.37 s (kernel 1.02 s), 61,234 minor page faults". */
export function usageText(u: OwnUsage): string {
  return `CPU ${formatNumber(u.cpuS, 's')} (kernel ${formatNumber(u.kernelS, 's')}), ${u.minorFaults.toLocaleString('en-US')} minor page faults`;
}

/** CPU seconds (utime + stime) from a Linux /proc stat file, or null where it is not readable. */
function statCpuSeconds(file: string): number | null {
  try {
    // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100/s).
    const fields = fs.readFileSync(file, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks / 100 : null;
  } catch {
    return null;
  }
}

/** CPU seconds another process has used so far (Linux /proc), or null where that is not readable. */
export function processCpuSeconds(pid: number | null): number | null {
  return pid === null ? null : statCpuSeconds(`/proc/${pid}/stat`);
}

/** CPU milliseconds this process's main thread has used so far (its task id is the pid), or null. */
export function mainThreadCpuMs(): number | null {
  const seconds = statCpuSeconds(`/proc/${process.pid}/task/${process.pid}/stat`);
  return seconds === null ? null : seconds * 1000;
}
