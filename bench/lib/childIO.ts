// The child side of child.ts: read the JSON input, report one result line.

export const RESULT_MARK = 'BENCH_RESULT ';

export function childInput<T>(): T {
  const raw = process.argv[2];
  if (raw === undefined) throw new Error('missing JSON input argument');
  return JSON.parse(raw) as T;
}

export function childResult(value: unknown): void {
  process.stdout.write(`${RESULT_MARK}${JSON.stringify(value)}\n`);
}
