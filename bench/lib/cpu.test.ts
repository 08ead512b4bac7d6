import { describe, expect, it } from 'vitest';
import { addUsage, ownUsage, usageSince, usageText } from './cpu';

describe('ownUsage', () => {
  it('counts the pages a new buffer touches as minor faults, and CPU with the kernel part within it', () => {
    const before = ownUsage();
    const pages = 8_192;
    const buffer = Buffer.allocUnsafeSlow(pages * 4_096);
    buffer.fill(1);
    const used = usageSince(before);
    expect(buffer[pages * 4_096 - 1]).toBe(1);
    // At least one fault per huge page, where the kernel backs the buffer with those.
    expect(used.minorFaults).toBeGreaterThanOrEqual(buffer.length / (2 * 1024 * 1024));
    expect(used.kernelS).toBeGreaterThanOrEqual(0);
    // Both are differences of sums in seconds; allow for the rounding of each.
    expect(used.cpuS).toBeGreaterThanOrEqual(used.kernelS - 1e-9);
  });

  it('adds and subtracts field by field', () => {
    const a = { cpuS: 2, kernelS: 0.5, minorFaults: 100 };
    const b = { cpuS: 1, kernelS: 0.25, minorFaults: 40 };
    expect(addUsage(a, b)).toEqual({ cpuS: 3, kernelS: 0.75, minorFaults: 140 });
    expect(usageSince(b, a)).toEqual({ cpuS: 1, kernelS: 0.25, minorFaults: 60 });
    expect(usageText(addUsage(a, b))).toBe('CPU 3.00 s (kernel 0.750 s), 140 minor page faults');
  });
});
