/**
 * Type test (vitest typecheck): each mistake issue 23 lists is a compile error. Two contracts are
 * in scope, as a plugin that imports another's contract sees them: `visits` (this plugin) and
 * `stamps` (another plugin, whose event and field `visits` may read but whose field it may not write).
 */
import { describe, expectTypeOf, it } from 'vitest'
import { type ContractEvents, type ContractProfile, defineContract, definePlugin, field, type PluginContext, rule, ruleOf, z } from '../../src/index.js'

const stamps = defineContract({
  name: 'stamps', namespace: 'stamps',
  events: { 'stamps.collected': z.object({ stamps: z.number().int(), card: z.string() }) },
  profile: { total: field.integer(['Stamps', '印章数']) },
})
const visits = defineContract({
  name: 'visits', namespace: 'visits',
  events: { 'visits.recorded': z.object({ store: z.string() }) },
  profile: { count: field.integer(['Visits', '到店次数']), level: field.enum(['new', 'regular'], ['Level', '等级']), lastStore: field.string(['Last store', '最近门店']) },
})
declare module '../../src/index.js' {
  interface EventMap extends ContractEvents<typeof stamps>, ContractEvents<typeof visits> {}
  interface ProfileFieldMap extends ContractProfile<typeof stamps>, ContractProfile<typeof visits> {}
}
const visitsRule = ruleOf(visits)

describe('rules', () => {
  it('take known event types only, with their payload types', () => {
    rule({ id: 'ok', version: 1, on: 'stamps.collected', apply: (e) => {
      expectTypeOf(e.payload).toEqualTypeOf<{ stamps: number; card: string }>()
      return { 'visits.count': { add: e.payload.stamps } }
    } })
    // @ts-expect-error a misspelt event type never fires
    rule({ id: 'typo', version: 1, on: 'stamps.colected', apply: () => ({}) })
    // @ts-expect-error one misspelt type in a list
    rule({ id: 'typo-list', version: 1, on: ['order.completed', 'order.refundd'], apply: () => ({}) })
  })

  it('change declared fields only, with their value types', () => {
    // @ts-expect-error a misspelt field
    rule({ id: 'field-typo', version: 1, on: 'order.completed', apply: () => ({ 'visits.cuont': { add: 1 } }) })
    // @ts-expect-error a string field cannot be added to
    rule({ id: 'add-text', version: 1, on: 'order.completed', apply: () => ({ 'visits.lastStore': { add: 1 } }) })
    // @ts-expect-error a number field takes no text
    rule({ id: 'set-text', version: 1, on: 'order.completed', apply: (e) => ({ 'visits.count': { set: e.payload.orderId } }) })
    // @ts-expect-error an enum field takes only its values
    rule({ id: 'bad-level', version: 1, on: 'order.completed', apply: () => ({ 'visits.level': { set: 'gold' } }) })
    visitsRule({ id: 'own', version: 1, on: 'order.completed', apply: () => ({ 'visits.count': { add: 1 }, 'visits.level': { set: 'regular' } }) })
    // @ts-expect-error another plugin's field, through the plugin's own rule kit
    visitsRule({ id: 'foreign', version: 1, on: 'order.completed', apply: () => ({ 'stamps.total': { add: 1 } }) })
  })
})

describe('the context', () => {
  it('subscribes to known event types and emits declared ones with their payloads', () => {
    definePlugin({ ...visits, version: '1.0.0', host: '^1', optional: { stamps: '^1' }, setup(ctx) {
      ctx.on('stamps.collected', (e) => { expectTypeOf(e.payload.card).toEqualTypeOf<string>() }, { id: 'ok', phase: 'inTransaction' })
      // @ts-expect-error a misspelt event type
      ctx.on('stamps.colected', () => {}, { id: 'typo', phase: 'inTransaction' })
      // A type read from config is a plain string: allowed only when marked so (the host skips its dependency check).
      ctx.on(String(ctx.config), () => {}, { id: 'configured', phase: 'inTransaction', fromConfig: true })
      // @ts-expect-error a plain string without fromConfig
      ctx.on(String(ctx.config), () => {}, { id: 'unmarked', phase: 'inTransaction' })
    } })
  })

  it('emits declared event types only, with their payload types', async () => {
    const ctx = {} as PluginContext
    expectTypeOf(ctx.emit<'visits.recorded'>).parameter(2).toEqualTypeOf<{ store: string }>()
    // @ts-expect-error an undeclared event
    await ctx.emit('visits.recordedd', 'c1', { store: 'a' }, { key: 'k' })
    // @ts-expect-error a payload of the wrong type
    await ctx.emit('visits.recorded', 'c1', { store: 1 }, { key: 'k' })
  })
})
