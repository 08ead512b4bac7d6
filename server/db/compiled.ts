// Queries built and compiled once, then run with new values. Kysely builds an immutable tree and
// compiles it to SQL on every call; for the short queries of an inbound webhook that cost more
// than SQLite running them. A compiled statement builds its query once per dialect, with a marker
// in place of each named value, and afterwards only fills the values into the compiled parameter
// list. The SQL text is then the same on every call, so the driver's prepared statement is reused.
import { type Compilable, type CompiledQuery, type DialectAdapter, type Kysely, type QueryResult, type RawBuilder, sql } from 'kysely';
import type { DB } from './schema';

/** The named values of a query. Every key is bound, so none may be undefined (null binds NULL). */
export type Params = Record<string, unknown>;

export interface CompiledStatement<P extends Params, O> {
  /** Every row the query returns. */
  all(db: Kysely<DB>, params: P): Promise<O[]>;
  /** The first row, or undefined. */
  first(db: Kysely<DB>, params: P): Promise<O | undefined>;
  /** Runs a write; its result carries the affected row count. */
  run(db: Kysely<DB>, params: P): Promise<QueryResult<O>>;
}

/** A value of the compiled parameter list: a named value to fill in, or a constant of the query. */
type Slot = { name: string } | { constant: unknown };

interface Plan<O> {
  query: CompiledQuery<O>;
  slots: readonly Slot[];
  names: readonly string[];
}

// A marker cannot collide with a real value: no caller passes strings with a NUL and this prefix.
const MARK = '\u0000compiled-value\u0000';

/**
 * The LIMIT of a compiled statement, written into its SQL text. SQLite plans with the value bound
 * to a bare `LIMIT ?`, so binding it again (every run) expires the statement and every run
 * prepares it anew: 30-40 µs of a 45 µs lookup of a contact's open conversation. A compiled
 * statement with a bound LIMIT is refused.
 */
export function fixedLimit(rows: number): RawBuilder<number> {
  if (!Number.isSafeInteger(rows) || rows < 0) throw new Error(`A LIMIT must be a whole number, got ${rows}.`);
  return sql.lit(rows);
}

const BOUND_LIMIT = /\blimit \?/i;

/**
 * `build` must only place the values where they go: it runs once, with markers instead of the
 * values, so it must not branch on them, transform them or pass them where Kysely writes a value
 * into the SQL text (an identifier, a raw fragment). Lists of varying length do not fit (the SQL
 * changes with the length). The first call's keys are the statement's: `values(row)` inserts
 * every key the first row had, and a later call with other keys is refused.
 */
export function compiled<P extends Params, O>(build: (db: Kysely<DB>, params: P) => Compilable<O>): CompiledStatement<P, O> {
  // One plan per dialect (the SQL depends on it); a process normally has one.
  const plans = new WeakMap<DialectAdapter, Plan<O>>();

  function plan(db: Kysely<DB>, params: P): Plan<O> {
    const adapter = db.getExecutor().adapter;
    const known = plans.get(adapter);
    if (known) return known;
    const names = Object.keys(params);
    const markers = Object.fromEntries(names.map((name) => [name, `${MARK}${name}`])) as P;
    const query = build(db, markers).compile();
    if (query.sql.includes(MARK)) throw new Error('A compiled statement wrote one of its values into the SQL text.');
    if (BOUND_LIMIT.test(query.sql)) throw new Error('A compiled statement takes its LIMIT from fixedLimit(), not as a bound value.');
    const slots = query.parameters.map((value): Slot =>
      typeof value === 'string' && value.startsWith(MARK) ? { name: value.slice(MARK.length) } : { constant: value },
    );
    const made: Plan<O> = { query, slots, names };
    plans.set(adapter, made);
    return made;
  }

  async function execute(db: Kysely<DB>, params: P): Promise<QueryResult<O>> {
    const { query, slots, names } = plan(db, params);
    if (Object.keys(params).length !== names.length) throw new Error(`A compiled statement takes exactly ${names.join(', ')}.`);
    for (const name of names) {
      if (params[name] === undefined) throw new Error(`A compiled statement's value "${name}" is missing.`);
    }
    const parameters = slots.map((slot) => ('name' in slot ? params[slot.name] : slot.constant));
    return db.executeQuery<O>({ ...query, parameters });
  }

  return {
    all: async (db, params) => (await execute(db, params)).rows,
    first: async (db, params) => (await execute(db, params)).rows[0],
    run: execute,
  };
}
