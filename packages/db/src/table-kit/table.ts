/**
 * @module
 * `table()`: a named set of columns plus indexes, checked when it is declared.
 */
import type { ColumnBuilder, ColumnSpec } from './column.js'
import { snakeCase } from './snake-case.js'

/**
 * A column of a {@link Table}: its declaration plus its SQL name.
 * @example
 * customers.columns.externalId // { kind: 'text', name: 'external_id', key: 'externalId', notNull: true, ... }
 */
export type Column<T = unknown> = ColumnSpec & { readonly name: string; readonly key: string; readonly valueType?: T }

/**
 * Columns as declared: camelCase keys to builders.
 * @example
 * const columns = { id: t.text().primaryKey() } satisfies ColumnBuilders
 */
export type ColumnBuilders = Record<string, ColumnBuilder<unknown>>

/**
 * An index over columns, named by keys.
 * @example
 * const index: IndexOption<'createdAt' | 'id'> = { name: 'core_customers_created', columns: ['createdAt', 'id'] }
 */
export type IndexOption<K extends string> = { name?: string; columns: readonly K[]; unique?: boolean }

/**
 * Table options; columns are named by their camelCase keys.
 * @example
 * const options: TableOptions<'a' | 'b'> = { primaryKey: ['a', 'b'], indexes: [{ columns: ['b'] }] }
 */
export type TableOptions<K extends string> = {
  indexes?: readonly IndexOption<K>[]
  /** Multi-column UNIQUE constraints. */
  uniques?: readonly (readonly K[])[]
  /** A composite primary key (instead of `primaryKey()` on one column). */
  primaryKey?: readonly K[]
}

/**
 * A resolved index: SQL column names.
 * @example
 * customers.indexes[0] // { name: 'core_customers_created', columns: ['created_at', 'id'], unique: false }
 */
export type Index = { readonly name: string; readonly columns: readonly string[]; readonly unique: boolean }

/**
 * A declared table; all names here are SQL names. Render it with `createTableSql`.
 * @example
 * const tables: Table[] = [customers, orders]
 */
export interface Table<C extends ColumnBuilders = ColumnBuilders> {
  readonly name: string
  readonly columns: { readonly [K in keyof C]: Column<C[K] extends ColumnBuilder<infer T> ? T : unknown> }
  readonly indexes: readonly Index[]
  readonly uniques: readonly (readonly string[])[]
  readonly primaryKey?: readonly string[]
}

const TABLE_NAME = /^[a-z][a-z0-9_]{0,62}$/
const COLUMN_NAME = /^[a-z][a-z0-9_]{0,62}$/

/**
 * Declares a table. Throws a TypeError for a bad name, an unknown key in an option, more than one
 * primary key, or a foreign key to another owner's table.
 * @param name - `<owner>_<snake_plural>`
 * @param builders - camelCase keys to column builders
 * @param options - indexes, multi-column uniques, composite primary key
 * @example
 * export const customers = table('core_customers', {
 *   id: t.text().primaryKey(),
 *   externalId: t.text().notNull().unique(),
 *   createdAt: t.timestamp().notNull(),
 * }, { indexes: [{ name: 'core_customers_created', columns: ['createdAt', 'id'] }] })
 * customers.columns.externalId.name // 'external_id'
 */
export function table<C extends ColumnBuilders>(name: string, builders: C, options: TableOptions<keyof C & string> = {}): Table<C> {
  if (!TABLE_NAME.test(name)) throw new TypeError(`Table name "${name}" must match ${TABLE_NAME}`)
  const columns = {} as Record<string, Column>
  for (const [key, builder] of Object.entries(builders)) {
    const columnName = snakeCase(key)
    if (!COLUMN_NAME.test(columnName)) throw new TypeError(`Column key "${key}" of ${name} gives the invalid name "${columnName}"`)
    checkForeignKey(name, key, builder.spec)
    columns[key] = { ...builder.spec, name: columnName, key }
  }
  const toNames = (keys: readonly string[], where: string) =>
    keys.map((key) => {
      const column = columns[key]
      if (!column) throw new TypeError(`${where} of ${name} names the unknown column key "${key}"`)
      return column.name
    })
  const primaryKeys = Object.values(columns).filter((c) => c.primaryKey || c.kind === 'serial')
  if (primaryKeys.length + (options.primaryKey ? 1 : 0) > 1) throw new TypeError(`Table ${name} declares more than one primary key`)
  const indexes = (options.indexes ?? []).map((index) => {
    const names = toNames(index.columns, 'An index')
    return { name: index.name ?? `${name}_${names.join('_')}_idx`, columns: names, unique: index.unique ?? false }
  })
  const uniques = (options.uniques ?? []).map((keys) => toNames(keys, 'A unique constraint'))
  const result = { name, columns, indexes, uniques } as unknown as Table<C>
  return options.primaryKey ? { ...result, primaryKey: toNames(options.primaryKey, 'The primary key') } : result
}

/**
 * Cross-plugin foreign keys are forbidden: plugins refer to each other's rows by id only, so
 * one plugin's tables can be dropped or migrated without touching another's. Owners are compared
 * by the first name segment, which never rejects a same-owner reference.
 */
function checkForeignKey(tableName: string, key: string, spec: ColumnSpec): void {
  if (!spec.references) return
  const owner = (n: string) => n.split('_')[0]
  if (owner(spec.references.table) !== owner(tableName)) {
    throw new TypeError(`${tableName}.${key} references ${spec.references.table}: foreign keys to another owner's tables are forbidden`)
  }
}
