/**
 * @module
 * Core's tables, declared once with drizzle for both dialects. The declarations describe what
 * core's migrations (schema/migrations.ts, still today's migrator) create; a test migrates a
 * fresh database on every dialect and compares each declared table to the live catalogue, so a
 * migration that changes a table must change its declaration here too.
 */
import { portableSchema } from '@rapport/db'
import { accessTables } from './access-tables.js'
import { hostTables } from './host-tables.js'
import { recordTables } from './record-tables.js'

/**
 * Core's tables: `coreSchema.of(db)` gives those of db's dialect.
 * @example
 * const { users } = coreSchema.of(db)
 * const rows = await ormOf(db).select().from(users)
 */
export const coreSchema = portableSchema((k) => ({ ...accessTables(k), ...recordTables(k), ...hostTables(k) }))

/** A table of {@link coreSchema}, by key. */
type CoreTables = typeof coreSchema.pg

/**
 * A row of a core table as read (inferred from its declaration).
 * @example
 * type User = CoreRow<'users'> // { id: string; email: string; ...; disabledAt: string | null }
 */
export type CoreRow<K extends keyof CoreTables> = CoreTables[K]['$inferSelect']

/**
 * A row of a core table as written: columns with a default or NULL may be left out.
 * @example
 * const row: CoreInsert<'settings'> = { key: 'timeZone', value: 'Asia/Shanghai' }
 */
export type CoreInsert<K extends keyof CoreTables> = CoreTables[K]['$inferInsert']
