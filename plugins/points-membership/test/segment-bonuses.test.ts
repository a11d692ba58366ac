/**
 * An event bonus limited to a saved segment (core's `/api/v1/segments`, read through
 * `ctx.segments`): only members in the segment when the event happens get it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { definePlugin, z } from '@rapport/plugin-sdk'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import pointsMembership from '../server/index.js'
import { member, memberWith } from './points-client.js'

/** A stand-in for another plugin that emits an event worth a bonus. */
const fakeSurveys = definePlugin({
  name: 'fake-surveys', namespace: 'fakeSurvey', version: '1.0.0', host: '^1',
  events: { 'fakeSurvey.completed': z.object({ surveyId: z.string() }) },
})

describe.each(dialects)('event bonuses limited to a segment on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => {
    host = await createTestHost({ plugins: [fakeSurveys, pointsMembership], dialect })
    await host.host!.configure('points-membership', { eventBonuses: { 'fakeSurvey.completed': { points: 50 } } })
    // The set of subscribed types is read at start.
    await host.host!.disable('points-membership')
    await host.host!.enable('points-membership')
  }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  const segment = async () => {
    const res = await host.http.post('/api/v1/segments', {
      name: '100+ points', definition: { match: 'all', groups: [{ match: 'all', conditions: [{ field: 'points.balance', op: 'gte', value: 100 }] }] },
    })
    expect(res.status).toBe(201)
    return (await host.json(res)).id as string
  }

  it('credits the bonus only to members in the segment', async () => {
    const [small, big] = [await memberWith(host, 10), await memberWith(host, 150)]
    const segmentId = await segment()
    await host.host!.configure('points-membership', { eventBonuses: { 'fakeSurvey.completed': { points: 50, segmentId } } })
    await host.emit('fakeSurvey.completed', small, { surveyId: 's1' })
    await host.emit('fakeSurvey.completed', big, { surveyId: 's1' })
    expect((await member(host, small)).balance).toBe(10)
    expect((await member(host, big)).balance).toBe(200)
  })

  it('credits no one once the segment is deleted', async () => {
    const big = await memberWith(host, 150)
    const segmentId = await segment()
    await host.host!.configure('points-membership', { eventBonuses: { 'fakeSurvey.completed': { points: 50, segmentId } } })
    expect((await host.http.delete(`/api/v1/segments/${segmentId}`)).status).toBe(200)
    await host.emit('fakeSurvey.completed', big, { surveyId: 's2' })
    expect((await member(host, big)).balance).toBe(150)
  })
})
