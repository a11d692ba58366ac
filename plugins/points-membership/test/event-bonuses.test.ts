import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { definePlugin, z } from '@rapport/plugin-sdk'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import pointsMembership from '../server/index.js'
import { member, memberWith } from './points-client.js'

/** A stand-in for another plugin that emits an event worth a bonus. */
const fakeSurveys = definePlugin({
  name: 'fake-surveys', namespace: 'fakeSurvey', version: '1.0.0', host: '^1',
  events: { 'fakeSurvey.completed': z.object({ surveyId: z.string() }), 'fakeSurvey.shared': z.object({}) },
})

describe.each(dialects)('fixed bonuses for other plugins’ events on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => {
    host = await createTestHost({ plugins: [fakeSurveys, pointsMembership], dialect })
    await host.host!.configure('points-membership', { eventBonuses: { 'fakeSurvey.completed': { points: 50 }, 'fakeSurvey.shared': { points: 20, oncePerCustomer: true } } })
    // The set of subscribed types is read at start.
    await host.host!.disable('points-membership')
    await host.host!.enable('points-membership')
  }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  it('credits each bonus to members, available at once; a once-per-customer bonus only once', async () => {
    const id = await memberWith(host, 0)
    await host.emit('fakeSurvey.completed', id, { surveyId: 's1' })
    await host.emit('fakeSurvey.completed', id, { surveyId: 's2' })
    await host.emit('fakeSurvey.shared', id, {})
    await host.emit('fakeSurvey.shared', id, {})
    expect(await member(host, id)).toMatchObject({ balance: 120, available: 120, pending: 0 })
  })

  it('gives nothing to customers who are not members', async () => {
    const id = await host.customer()
    await host.emit('fakeSurvey.completed', id, { surveyId: 's1' })
    expect((await host.profile(id))['points.balance']).toBeUndefined()
  })

  it('refuses bonuses on its own or order events in config', async () => {
    await expect(host.host!.configure('points-membership', { eventBonuses: { 'points.earned': { points: 1 } } })).rejects.toMatchObject({ code: 'PLUGIN_CONFIG_INVALID' })
  })
})
