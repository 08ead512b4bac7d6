// CPU time, which a loaded machine inflates far less than wall-clock time: on a shared machine the
// scheduler decides how long a step waits, not how much work it does.
import fs from 'node:fs';

/** CPU seconds (user + system) this process has used so far. */
export function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** CPU seconds another process has used so far (Linux /proc), or null where that is not readable. */
export function processCpuSeconds(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100/s).
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks / 100 : null;
  } catch {
    return null;
  }
}
