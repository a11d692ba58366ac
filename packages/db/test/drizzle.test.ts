/**
 * Drizzle over a Rapport database: one portable declaration gives each dialect's tables; every
 * column kind reads back as written; rows map by position (a join's two `id`s stay apart); and a
 * drizzle query inside `db.tx` is part of that transaction, on every dialect.
 */
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTables, migrationStatements, ormOf, portableSchema, prepared, t, table } from '../src/index.js'
import { createTestDb, dialects, START_TIMEOUT, type TestDb } from './support/test-db.js'

const schema = portableSchema((k) => {
  const owners = k.table('demo_owners', { id: k.text().primaryKey(), name: k.text().notNull() })
  const things = k.table('demo_things', {
    seq: k.serial(),
    id: k.text().notNull().unique(),
    ownerId: k.text().notNull().references(() => owners.id),
    count: k.integer().notNull().default(0),
    amountMinor: k.bigint(),
    ratio: k.real(),
    active: k.boolean().notNull(),
    tags: k.json<string[]>(),
    createdAt: k.timestamp().notNull(),
    bytes: k.blob(),
  })
  return { owners, things }
})

// The same tables as table-kit DDL, which is what today's migrations create.
const ddl = createTables('0001', [
  table('demo_owners', { id: t.text().primaryKey(), name: t.text().notNull() }),
  table('demo_things', {
    seq: t.serial(), id: t.text().notNull().unique(), ownerId: t.text().notNull().references('demo_owners', 'id'),
    count: t.integer().notNull().default(0), amountMinor: t.bigint(), ratio: t.real(), active: t.boolean().notNull(),
    tags: t.json(), createdAt: t.timestamp().notNull(), bytes: t.blob(),
  }),
])

describe.each(dialects)('drizzle over the database on %s', (dialect) => {
  let h: TestDb
  // A loaded machine has taken more than START_TIMEOUT to start PGlite.
  beforeAll(async () => { h = await createTestDb(dialect) }, 4 * START_TIMEOUT)
  beforeEach(async () => {
    await h.reset()
    for (const statement of migrationStatements(ddl, h.db.dialect)) await h.db.exec(statement)
  })
  afterAll(() => h.close())
  const thing = (id: string, active: boolean) => ({ id, ownerId: 'o1', active, createdAt: '2026-12-07T10:00:00.000Z' })

  it('reads every column kind back as written, and two joined ids apart', async () => {
    const { owners, things } = schema.of(h.db)
    await h.db.orm.insert(owners).values({ id: 'o1', name: 'Ada' })
    const bytes = new Uint8Array([0, 1, 254])
    await h.db.orm.insert(things).values({ ...thing('t1', true), amountMinor: 9_007_199_254, ratio: 0.25, tags: ['a', 'b'], bytes })
    await h.db.orm.insert(things).values(thing('t2', false))
    const rows = await h.db.orm.select().from(things).orderBy(things.seq)
    expect(rows.map(({ bytes: b, ...rest }) => ({ ...rest, bytes: b && [...b] }))).toEqual([
      { seq: 1, id: 't1', ownerId: 'o1', count: 0, amountMinor: 9_007_199_254, ratio: 0.25, active: true, tags: ['a', 'b'], createdAt: '2026-12-07T10:00:00.000Z', bytes: [0, 1, 254] },
      { seq: 2, id: 't2', ownerId: 'o1', count: 0, amountMinor: null, ratio: null, active: false, tags: null, createdAt: '2026-12-07T10:00:00.000Z', bytes: null },
    ])
    // The stored boolean is 0/1 on both dialects, so hand-written SQL and moved data agree.
    expect(await h.db.all('SELECT active FROM demo_things ORDER BY seq')).toEqual([{ active: 1 }, { active: 0 }])
    const joined = await h.db.orm.select({ thing: things.id, owner: owners.id }).from(things).innerJoin(owners, eq(owners.id, things.ownerId)).where(eq(things.active, true))
    expect(joined).toEqual([{ thing: 't1', owner: 'o1' }])
    const updated = await h.db.orm.update(things).set({ count: sql`${things.count} + 1` }).where(eq(things.ownerId, 'o1')).returning({ id: things.id })
    expect(updated).toHaveLength(2)
  })

  it('runs a prepared statement with placeholders, inside and outside a transaction', async () => {
    const { owners } = schema.of(h.db)
    const byName = prepared((q) => {
      const s = schema.of(q)
      return ormOf(q).select({ id: s.owners.id }).from(s.owners).where(and(eq(s.owners.name, sql.placeholder('name')))).prepare('demo_owner_by_name')
    })
    await h.db.orm.insert(owners).values([{ id: 'o1', name: 'Ada' }, { id: 'o2', name: 'Grace' }])
    expect(await byName(h.db).execute({ name: 'Grace' })).toEqual([{ id: 'o2' }])
    expect(byName(h.db)).toBe(byName(h.db))
    const inside = await h.db.tx(async (tx) => {
      await ormOf(tx).insert(owners).values({ id: 'o3', name: 'Linus' })
      return [await byName(tx).execute({ name: 'Linus' }), await byName(h.db).execute({ name: 'Linus' })]
    })
    expect(inside).toEqual([[{ id: 'o3' }], [{ id: 'o3' }]])
  })

  it('joins db.tx: the transaction sees its rows, a throw rolls them back, a return commits them', async () => {
    const { owners } = schema.of(h.db)
    await h.db.orm.insert(owners).values({ id: 'o1', name: 'Ada' })
    await expect(h.db.tx(async (tx) => {
      await ormOf(tx).insert(owners).values({ id: 'o2', name: 'Grace' })
      // db.orm, not the tx handed over: it joins the open transaction through the async context.
      await h.db.orm.delete(owners).where(eq(owners.id, 'o1'))
      expect(await tx.all('SELECT id FROM demo_owners')).toEqual([{ id: 'o2' }])
      throw new Error('refused')
    })).rejects.toThrow('refused')
    expect(await h.db.orm.select({ id: owners.id }).from(owners)).toEqual([{ id: 'o1' }])
    await h.db.tx(async () => { await h.db.orm.update(owners).set({ name: 'Ada L.' }).where(eq(owners.id, 'o1')) })
    expect(await h.db.all('SELECT name FROM demo_owners')).toEqual([{ name: 'Ada L.' }])
  })
})
