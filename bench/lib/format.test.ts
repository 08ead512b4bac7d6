import { describe, expect, it } from 'vitest';
import { formatNumber, formatTable, measuredText, metricsTable, verdictText } from './format';
import type { Metric } from './metric';

const metric = (over: Partial<Metric>): Metric => ({ id: 'x', label: 'x', value: 1, unit: 'ms', ...over });

describe('formatNumber', () => {
  it('keeps about three significant digits and groups thousands', () => {
    expect(formatNumber(123_456.7, 'msg/s')).toBe('123,457 msg/s');
    expect(formatNumber(12.345)).toBe('12.3');
    expect(formatNumber(1.2345, 'ms')).toBe('1.23 ms');
    expect(formatNumber(0.01234)).toBe('0.012');
    expect(formatNumber(Number.NaN)).toBe('n/a');
  });
});

describe('formatTable', () => {
  it('pads columns to their widest cell and rules the header', () => {
    expect(formatTable(['a', 'bb'], [['ccc', 'd'], ['e', '']])).toBe(['a    bb', '---  --', 'ccc  d', 'e'].join('\n'));
  });
});

describe('verdicts', () => {
  it('compares with the target in its direction and gives the ratio', () => {
    expect(verdictText(metric({ value: 2, target: { op: '<=', value: 5, text: '' } }))).toBe('pass 0.400×');
    expect(verdictText(metric({ value: 6, target: { op: '<=', value: 5, text: '' } }))).toBe('MISS 1.20×');
    expect(verdictText(metric({ value: 50, target: { op: '>=', value: 100, text: '' } }))).toBe('MISS 0.500×');
    expect(verdictText(metric({}))).toBe('');
  });

  it('shows what was not measured', () => {
    expect(verdictText(metric({ value: null, status: 'not available', target: { op: '<=', value: 15, text: '' } }))).toBe('not available');
    expect(measuredText(metric({ value: null, status: 'failed' }))).toBe('failed');
    expect(verdictText(metric({ value: null, status: 'failed' }))).toBe('FAILED');
  });

  it('prints one row per metric', () => {
    const table = metricsTable([
      metric({ label: 'thread', value: 1.5, display: 'p95 1.50', target: { op: '<=', value: 3, text: 'p95 ≤ 3 ms' } }),
      metric({ label: 'rate', value: 1234, unit: 'msg/s' }),
    ]);
    expect(table.split('\n')).toEqual([
      'metric  value     unit   target      verdict',
      '------  --------  -----  ----------  -----------',
      'thread  p95 1.50  ms     p95 ≤ 3 ms  pass 0.500×',
      'rate    1,234     msg/s',
    ]);
  });
});
