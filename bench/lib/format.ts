// Number and table formatting for the printed report. Pure.
import { verdict, type Metric } from './metric';

export function formatNumber(n: number, unit = ''): string {
  if (!Number.isFinite(n)) return 'n/a';
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  const text = n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return unit ? `${text} ${unit}` : text;
}

/** The value column: the metric's own text (e.g. several percentiles) or its number. */
export function measuredText(m: Metric): string {
  if (m.status) return m.status;
  if (m.display !== undefined) return m.display;
  return m.value === null ? 'n/a' : formatNumber(m.value);
}

export function verdictText(m: Metric): string {
  if (m.status === 'not available') return 'not available';
  if (m.status === 'failed') return 'FAILED';
  const v = verdict(m);
  if (!v) return m.target ? 'n/a' : '';
  return `${v.pass ? 'pass' : 'MISS'} ${formatNumber(v.ratio)}×`;
}

/** Left-aligned columns separated by two spaces, a rule under the header. */
export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function metricsTable(metrics: readonly Metric[]): string {
  const rows = metrics.map((m) => [m.label, measuredText(m), m.status ? '' : m.unit, m.target?.text ?? '', verdictText(m)]);
  return formatTable(['metric', 'value', 'unit', 'target', 'verdict'], rows);
}
