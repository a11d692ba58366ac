/**
 * Concurrent profile writes on one customer never lose an update: on PostgreSQL each writer takes
 * the profile's lock before it reads the values it adds to, for a customer with a row and for a
 * profile without one. (A customer row locked in the statement that also reads the values failed
 * here: after waiting for the lock, PostgreSQL re-checks the locked row but not the values it joined.)
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, dialects, json, type TestApp } from '../testing/test-app.js'
import { fxPlugin, useFixtureRuntime } from './fixtures/scoring-fixtures.js'

type Json = Record<string, any>

describe.each(dialects)('profile locking on %s', (dialect) => {
  let t: TestApp
  beforeAll(async () => { t = await createTestApp(dialect) }, 60_000)
  beforeEach(() => t.reset())
  afterAll(() => t.close())

  it('counts every one of many concurrent additions, with and without a customer row', async () => {
    const [fx] = await useFixtureRuntime(t, [fxPlugin()])
    const customerId = ((await json(await t.request('POST', '/api/v1/customers', { body: { externalId: 'crm-lock' } }))) as Json).id as string
    const add = (id: string) => t.db.tx((tx) => fx!.context.updateProfile(tx, id, { 'fx.orders': { add: 1 }, 'fx.total': { add: 0.5 } }, { id: 'test' }))
    const writes = Array.from({ length: 24 }, (_, i) => add(i % 2 === 0 ? customerId : 'cus_without_row'))
    await Promise.all(writes)
    expect(await t.profile(customerId)).toMatchObject({ 'fx.orders': 12, 'fx.total': 6 })
    expect(await t.profile('cus_without_row')).toMatchObject({ 'fx.orders': 12, 'fx.total': 6 })
  })
})
