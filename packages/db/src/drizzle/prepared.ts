/**
 * @module
 * Statements prepared once per database (or transaction) and run with placeholder values: the
 * per-request lookups (API key, session) skip drizzle's query building, which costs more than
 * the lookup itself on SQLite. The SQL it renders is then served by the driver's own statement
 * cache (SQLite) or named statement (PostgreSQL).
 */
import type { Queryable } from '../types.js'

/**
 * Wraps a builder of a prepared statement; the result returns the statement for a Queryable,
 * building it on first use. Build it over the Queryable it is given (`ormOf(q)`, `schema.of(q)`).
 * @param build - builds the statement, e.g. `ormOf(q).select()...where(eq(t.id, sql.placeholder('id'))).prepare('name')`
 * @example
 * const userById = prepared((q) => { const { users } = coreSchema.of(q); return ormOf(q).select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare('core_user_by_id') })
 * const [user] = await userById(db).execute({ id })
 */
export function prepared<P>(build: (q: Queryable) => P): (q: Queryable) => P {
  const statements = new WeakMap<Queryable, P>()
  return (q) => {
    let statement = statements.get(q)
    if (statement === undefined) {
      statement = build(q)
      statements.set(q, statement)
    }
    return statement
  }
}
