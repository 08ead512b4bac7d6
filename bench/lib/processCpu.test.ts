import { describe, expect, it } from 'vitest';
import { cpuByRole, descendants, parseStat, sampleProcessTree, treeCpuSeconds, type ProcessSample } from './processCpu';

const p = (pid: number, ppid: number, cpuSeconds: number, command: string, reapedSeconds = 0): ProcessSample => ({ pid, ppid, cpuSeconds, reapedSeconds, command });

describe('process CPU accounting', () => {
  it('reads ppid and user + system time even when the name holds spaces and parentheses', () => {
    const stat = '4242 (chromium (gpu) x) S 17 4242 4242 0 -1 4194560 100 0 0 0 250 75 40 10 20 0 9 0 123 0 0';
    expect(parseStat(stat)).toEqual({ ppid: 17, cpuSeconds: 3.25, reapedSeconds: 0.5 });
  });

  it('keeps only the tree under the root', () => {
    const all = [p(1, 0, 0, 'init'), p(10, 1, 0, 'bench'), p(11, 10, 0, 'backend'), p(12, 11, 0, 'grandchild'), p(20, 1, 0, 'someone else')];
    expect(descendants(all, 10).map((x) => x.pid)).toEqual([10, 11, 12]);
  });

  it('sums the CPU spent between two samples per role; processes started in between count from zero', () => {
    const roles = [
      ['backend', (c: string) => c.includes('server/main.ts')],
      ['renderer', (c: string) => c.includes('--type=renderer')],
    ] as const;
    const before = [p(11, 10, 5, 'node server/main.ts'), p(12, 10, 1, 'chromium --type=renderer'), p(13, 10, 2, 'chromium --type=renderer')];
    const after = [p(11, 10, 6.5, 'node server/main.ts'), p(12, 10, 1.25, 'chromium --type=renderer'), p(13, 10, 2.25, 'chromium --type=renderer'), p(14, 10, 0.5, 'tool')];
    expect(Object.fromEntries(cpuByRole(before, after, roles))).toEqual({ backend: 1.5, renderer: 0.5, other: 0.5 });
  });

  it('counts a tree with the ended children each process waited for', () => {
    expect(treeCpuSeconds([p(10, 1, 2, 'bench', 1.5), p(11, 10, 0.5, 'chromium', 0.25)])).toBe(4.25);
  });

  it('samples this process on Linux', () => {
    const tree = sampleProcessTree();
    if (tree === null) return; // no /proc on this system
    expect(tree.some((x) => x.pid === process.pid)).toBe(true);
  });
});
