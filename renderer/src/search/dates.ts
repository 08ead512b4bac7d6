// Date-range filters in the agent's local days: "to" is inclusive for the agent and stored as the
// start of the next day (the filters' `to` is exclusive).

/** Epoch ms of local midnight of `yyyy-mm-dd` plus `addDays`, or undefined for an empty input. */
export function dayStart(value: string, addDays: number): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + addDays).getTime();
}

/** The `yyyy-mm-dd` of a stored bound (shifted back by `addDays`), or '' when unset. */
export function dayInputValue(at: number | undefined, addDays = 0): string {
  if (at === undefined) return '';
  const d = new Date(at);
  d.setDate(d.getDate() + addDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
