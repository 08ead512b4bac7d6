import { describe, expect, it } from 'vitest';
import { mergeRanges, newestRun } from './ranges';

describe('mergeRanges', () => {
  it('keeps disjoint ranges apart, sorted', () => {
    expect(mergeRanges([{ from: 50, to: null }], { from: 10, to: 20 })).toEqual([
      { from: 10, to: 20 },
      { from: 50, to: null },
    ]);
  });
  it('merges touching ranges into the open one', () => {
    expect(mergeRanges([{ from: 50, to: null }], { from: 10, to: 49 })).toEqual([{ from: 10, to: null }]);
  });
  it('merges overlaps and swallows contained ranges', () => {
    expect(
      mergeRanges(
        [
          { from: 1, to: 5 },
          { from: 8, to: 12 },
          { from: 30, to: 40 },
        ],
        { from: 4, to: 9 },
      ),
    ).toEqual([
      { from: 1, to: 12 },
      { from: 30, to: 40 },
    ]);
    expect(mergeRanges([{ from: 0, to: null }], { from: 3, to: 7 })).toEqual([{ from: 0, to: null }]);
  });
  it('does not bridge a one-seq hole', () => {
    expect(mergeRanges([{ from: 1, to: 5 }], { from: 7, to: 9 })).toHaveLength(2);
  });
});

describe('newestRun', () => {
  it('prefers the open range, else the highest end', () => {
    expect(newestRun([{ from: 1, to: 5 }, { from: 9, to: null }, { from: 20, to: 30 }])).toEqual({ from: 9, to: null });
    expect(newestRun([{ from: 20, to: 30 }, { from: 1, to: 5 }])).toEqual({ from: 20, to: 30 });
    expect(newestRun([])).toBeNull();
  });
});
