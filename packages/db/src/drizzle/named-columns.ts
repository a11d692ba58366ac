/**
 * @module
 * Keys are camelCase (TypeScript), columns snake_case (SQL), as in table-kit. Naming each column
 * in the table (rather than through a drizzle instance's `casing` option) keeps the SQL names on
 * the table itself, so every instance, `sql` template and catalogue check sees the same names.
 */
import { snakeCase } from '../table-kit/snake-case.js'

type Nameable = { setName(name: string): void }

/**
 * Gives each column builder its snake_case name, unless it was given one.
 * @param columns - camelCase keys to drizzle column builders
 * @example
 * sqliteTable('core_users', namedColumns({ passwordHash: text() })) // column "password_hash"
 */
export function namedColumns<C extends Record<string, unknown>>(columns: C): C {
  for (const [key, builder] of Object.entries(columns)) (builder as Nameable).setName(snakeCase(key))
  return columns
}
