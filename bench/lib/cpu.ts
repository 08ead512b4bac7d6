// CPU time, which a loaded machine inflates far less than wall-clock time: on a shared machine the
// scheduler decides how long a step waits, not how much work it does.
import fs from 'node:fs';

/** CPU seconds (user + system) this process has used so far. */
export function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
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
