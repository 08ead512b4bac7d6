// The child side of child.ts: read the JSON input (argv, or stdin for a child started ahead of
// its use), report one result line.

export const RESULT_MARK = 'BENCH_RESULT ';

export function childInput<T>(): T {
  const raw = process.argv[2];
  if (raw === undefined) throw new Error('missing JSON input argument');
  return JSON.parse(raw) as T;
}

export function childResult(value: unknown): void {
  process.stdout.write(`${RESULT_MARK}${JSON.stringify(value)}\n`);
}

/** The input of a child started ahead of its use (child.ts, `prepareChild`): one JSON line on stdin. */
export async function childInputFromStdin<T>(): Promise<T> {
  let raw = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) raw += chunk as string;
  if (raw.trim() === '') throw new Error('stdin ended without the JSON input');
  return JSON.parse(raw) as T;
}
