// What a benchmark reports: one row of the table per metric, with the design's target when there
// is one. Targets are information only: nothing fails or gates on them.

export interface Target {
  op: '>=' | '<=';
  value: number;
  /** How the target reads in the table, e.g. "p95 ≤ 5 ms". */
  text: string;
}

export interface Metric {
  id: string;
  label: string;
  /** The number compared with the target (null when not measured). */
  value: number | null;
  unit: string;
  /** The "measured" column; defaults to value + unit. */
  display?: string;
  target?: Target;
  /** Set instead of a value for things that are not measured. */
  status?: 'not available' | 'failed';
  note?: string;
  details?: Record<string, unknown>;
}

export interface Verdict {
  pass: boolean;
  /** measured / target. */
  ratio: number;
}

export function verdict(m: Metric): Verdict | null {
  if (!m.target || m.value === null || !Number.isFinite(m.value)) return null;
  const ratio = m.value / m.target.value;
  return { pass: m.target.op === '>=' ? m.value >= m.target.value : m.value <= m.target.value, ratio };
}

export function failedMetric(id: string, label: string, error: unknown, target?: Target): Metric {
  const message = error instanceof Error ? error.message : String(error);
  return { id, label, value: null, unit: '', status: 'failed', note: message.split('\n')[0], ...(target ? { target } : {}) };
}
