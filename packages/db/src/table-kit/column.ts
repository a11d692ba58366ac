/**
 * @module
 * Column builders of table-kit: one portable column declaration, rendered per dialect later.
 */

/**
 * The portable column types. Booleans, JSON and times are stored the same way on both dialects.
 * @example
 * const kind: ColumnKind = customers.columns.createdAt.kind // 'timestamp'
 */
export type ColumnKind = 'text' | 'integer' | 'bigint' | 'real' | 'boolean' | 'json' | 'timestamp' | 'blob' | 'serial'

/**
 * What happens to referencing rows when the referenced row is deleted.
 * @example
 * t.text().references('points_accounts', 'id', { onDelete: 'cascade' satisfies OnDelete })
 */
export type OnDelete = 'cascade' | 'restrict' | 'set null' | 'no action'

/**
 * A foreign key to a table of the same owner. `column` is the SQL (snake_case) name.
 * @example
 * const fk: ForeignKey = { table: 'points_accounts', column: 'id', onDelete: 'cascade' }
 */
export type ForeignKey = { table: string; column: string; onDelete?: OnDelete }

/**
 * A column default, rendered as a SQL literal (booleans as 1/0).
 * @example
 * const value: DefaultValue = true // DEFAULT 1
 */
export type DefaultValue = string | number | boolean | null

/**
 * Everything a column declares, without its name (the table gives it one).
 * @example
 * t.text().notNull().spec // { kind: 'text', notNull: true, unique: false, primaryKey: false }
 */
export type ColumnSpec = {
  readonly kind: ColumnKind
  readonly notNull: boolean
  readonly unique: boolean
  readonly primaryKey: boolean
  readonly default?: { readonly value: DefaultValue }
  readonly references?: ForeignKey
}

/**
 * An immutable column declaration; every modifier returns a new builder. `T` is the JS value
 * written to the column (a boolean is stored, and read back, as 0/1; see {@link t}).
 * @example
 * t.text().notNull().unique()
 */
export class ColumnBuilder<T> {
  /** Only carries `T` for type inference; never set. */
  declare readonly valueType?: T

  /** @param spec - the declaration so far */
  constructor(readonly spec: ColumnSpec) {}

  /** Rejects NULL. @example t.timestamp().notNull() */
  notNull(): ColumnBuilder<T> {
    return new ColumnBuilder({ ...this.spec, notNull: true })
  }

  /** One row per value. @example t.text().notNull().unique() */
  unique(): ColumnBuilder<T> {
    return new ColumnBuilder({ ...this.spec, unique: true })
  }

  /** The table's primary key. For a composite key use the table option `primaryKey`. @example t.text().primaryKey() */
  primaryKey(): ColumnBuilder<T> {
    return new ColumnBuilder({ ...this.spec, primaryKey: true })
  }

  /**
   * A default rendered as a SQL literal; for json give the JSON text.
   * @param value - the default value
   * @example t.boolean().notNull().default(true) // DEFAULT 1
   */
  default(value: T | null): ColumnBuilder<T> {
    if (this.spec.kind === 'blob' || this.spec.kind === 'serial') throw new TypeError(`A ${this.spec.kind} column cannot have a default`)
    return new ColumnBuilder({ ...this.spec, default: { value: value as DefaultValue } })
  }

  /**
   * A foreign key. Only to a table of the same owner: cross-plugin foreign keys are forbidden
   * (plugins refer to each other's rows by id, so one can be removed without breaking the other).
   * @param table - the referenced table's name
   * @param column - the referenced column's SQL name
   * @param options - `onDelete`
   * @example t.text().notNull().references('points_accounts', 'id', { onDelete: 'cascade' })
   */
  references(table: string, column: string, options: { onDelete?: OnDelete } = {}): ColumnBuilder<T> {
    return new ColumnBuilder({ ...this.spec, references: { table, column, ...options } })
  }
}

const column = <T>(kind: ColumnKind) => new ColumnBuilder<T>({ kind, notNull: false, unique: false, primaryKey: false })

/**
 * Column constructors. SQLite / PostgreSQL types: text TEXT/TEXT, integer INTEGER/INTEGER,
 * bigint INTEGER/BIGINT, real REAL/DOUBLE PRECISION, boolean INTEGER/SMALLINT (0/1),
 * json TEXT/TEXT (JSON text), timestamp TEXT/TEXT (ISO-8601 UTC: sorts and compares alike on
 * both), blob BLOB/BYTEA, serial INTEGER PRIMARY KEY AUTOINCREMENT/BIGSERIAL PRIMARY KEY.
 * @example
 * const columns = { id: t.text().primaryKey(), amountMinor: t.bigint().notNull().default(0), active: t.boolean().notNull().default(true) }
 */
export const t = {
  text: () => column<string>('text'),
  integer: () => column<number>('integer'),
  bigint: () => column<number>('bigint'),
  real: () => column<number>('real'),
  boolean: () => column<boolean>('boolean'),
  json: () => column<string>('json'),
  timestamp: () => column<string>('timestamp'),
  blob: () => column<Uint8Array>('blob'),
  serial: () => column<number>('serial'),
}
