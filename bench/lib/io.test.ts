import { describe, expect, it } from 'vitest';
import { ioBetween, ioText, parseIo } from './io';

const sample = (rchar: number, wchar: number, read: number, write: number) =>
  `rchar: ${rchar}\nwchar: ${wchar}\nsyscr: 10\nsyscw: 3\nread_bytes: ${read}\nwrite_bytes: ${write}\ncancelled_write_bytes: 0\n`;

describe('I/O counters', () => {
  it('reads /proc/self/io and gives what moved between two readings in megabytes', () => {
    const before = parseIo(sample(1048576, 0, 0, 4096));
    const after = parseIo(sample(3 * 1048576, 160 * 1048576, 524288, 154 * 1048576 + 4096));
    expect(before).toEqual({ rchar: 1048576, wchar: 0, readBytes: 0, writeBytes: 4096 });
    const io = ioBetween(before, after);
    expect(io).toEqual({ readMB: 0.5, writeMB: 154, callsReadMB: 2, callsWriteMB: 160 });
    expect(ioText(io)).toBe('read 2 MB and wrote 160 MB through system calls (storage: 0.5 MB read, 154 MB to write)');
  });

  it('says so where there is nothing to read', () => {
    expect(ioBetween(null, parseIo(sample(0, 0, 0, 0)))).toBeNull();
    expect(ioText(null)).toMatch(/not measured/);
  });
});
