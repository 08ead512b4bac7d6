// Where the CPU goes while a benchmark runs: the CPU time of every process this benchmark started
// (backend, host, Chromium's processes, the load generator), read from /proc and grouped by role.
// On a 2-core machine that runs them all, their sum per message is what bounds the latency: when
// it nears the cores' capacity, every request queues. Linux only; elsewhere there is no breakdown.
import fs from 'node:fs';

export interface ProcessSample {
  pid: number;
  ppid: number;
  /** User + system CPU seconds so far. */
  cpuSeconds: number;
  /** The same of its children that ended and were waited for. */
  reapedSeconds: number;
  command: string;
}

export type Roles = ReadonlyArray<readonly [role: string, test: (command: string, pid: number) => boolean]>;

/** Parses /proc/<pid>/stat: the command name may hold spaces and parentheses, so split after the last ')'. */
export function parseStat(stat: string, ticksPerSecond = 100): { ppid: number; cpuSeconds: number; reapedSeconds: number } {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields after the name: state ppid ... utime (14th overall, 12th here) stime, cutime, cstime.
  const seconds = (a: number, b: number) => (Number(fields[a]) + Number(fields[b])) / ticksPerSecond;
  return { ppid: Number(fields[1]), cpuSeconds: seconds(11, 12), reapedSeconds: seconds(13, 14) };
}

/** Every process in the tree under `rootPid` (itself included), or null without /proc. */
export function sampleProcessTree(rootPid: number = process.pid): ProcessSample[] | null {
  let pids: string[];
  try {
    pids = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const all: ProcessSample[] = [];
  for (const pid of pids) {
    try {
      const { ppid, cpuSeconds, reapedSeconds } = parseStat(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
      const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      all.push({ pid: Number(pid), ppid, cpuSeconds, reapedSeconds, command });
    } catch {
      // The process ended between listing and reading.
    }
  }
  return descendants(all, rootPid);
}

/**
 * CPU seconds of a whole tree so far: each live process's own, plus what its ended children used
 * (which the kernel adds to the parent that waits for them). The difference between two samples is
 * the CPU of everything that ran in between, processes that started and ended in between included.
 */
export function treeCpuSeconds(tree: readonly ProcessSample[]): number {
  return tree.reduce((sum, p) => sum + p.cpuSeconds + p.reapedSeconds, 0);
}

export function descendants(all: readonly ProcessSample[], rootPid: number): ProcessSample[] {
  const inTree = new Set([rootPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of all) {
      if (!inTree.has(p.pid) && inTree.has(p.ppid)) {
        inTree.add(p.pid);
        grew = true;
      }
    }
  }
  return all.filter((p) => inTree.has(p.pid));
}

/**
 * CPU seconds per role between two samples. A process missing from the first sample started in
 * between and counts from zero; one missing from the second ended and its last part is lost (the
 * caller samples while everything runs). Unmatched processes count as `other`.
 */
export function cpuByRole(before: readonly ProcessSample[], after: readonly ProcessSample[], roles: Roles): Map<string, number> {
  const start = new Map(before.map((p) => [p.pid, p.cpuSeconds]));
  const out = new Map<string, number>();
  for (const p of after) {
    const role = roles.find(([, test]) => test(p.command, p.pid))?.[0] ?? 'other';
    out.set(role, (out.get(role) ?? 0) + Math.max(0, p.cpuSeconds - (start.get(p.pid) ?? 0)));
  }
  return out;
}
