/**
 * The order path holds the published surveys' triggers in memory (issue 19): a trigger added,
 * changed or removed by a draft edit, a survey published or archived, applies from the very next
 * order, and so does a survey made after the tables were emptied.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import satisfactionSurvey from '../server/index.js'
import { base, createSurvey, publish, publishedSurvey } from './survey-client.js'

describe.each(dialects)('survey trigger changes reach the next order on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => {
    host = await createTestHost({ plugins: [satisfactionSurvey], dialect, config: { 'satisfaction-survey': { quietDays: 0 } } })
  }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  let orders = 0
  const order = async (customerId: string) => {
    orders += 1
    await host.emit('order.completed', customerId, { orderId: `o-${orders}`, amountMinor: 9_900, currency: 'CNY' }, { key: `o-${orders}` })
  }
  const invitedTo = async (customerId: string) =>
    ((await host.json(await host.http.get(`${base}/invitations?customerId=${customerId}`))).items as Array<{ surveyId: string }>).map((i) => i.surveyId)
  const edit = async (id: string, triggers: unknown[]) => expect((await host.http.put(`${base}/surveys/${id}`, { triggers })).status).toBe(200)

  it('applies a trigger added, then removed, by a draft edit from the next order', async () => {
    const id = await host.customer()
    const survey = await publishedSurvey(host)
    await order(id)
    expect(await invitedTo(id)).toEqual([])
    await edit(survey.id, [{ on: 'order.completed', delayDays: 0 }])
    await order(id)
    expect(await invitedTo(id)).toEqual([survey.id])
    await edit(survey.id, [{ on: 'complaint.resolved', delayDays: 0 }])
    await order(id)
    expect(await invitedTo(id)).toEqual([survey.id])
  })

  it('triggers a survey from its publication until it is archived', async () => {
    const [before, during, after] = [await host.customer(), await host.customer(), await host.customer()]
    const survey = await createSurvey(host, { triggers: [{ on: 'order.completed', delayDays: 0 }] })
    await order(before)
    expect(await invitedTo(before)).toEqual([])
    await publish(host, survey.id)
    await order(during)
    expect(await invitedTo(during)).toEqual([survey.id])
    expect((await host.http.post(`${base}/surveys/${survey.id}/archive`)).status).toBe(200)
    await order(after)
    expect(await invitedTo(after)).toEqual([])
  })

  it('forgets the surveys of emptied tables and triggers the ones made after', async () => {
    const first = await publishedSurvey(host, { name: 'First', triggers: [{ on: 'order.completed', delayDays: 0 }] })
    const id = await host.customer()
    await order(id)
    expect(await invitedTo(id)).toEqual([first.id])
    await host.reset()
    const second = await publishedSurvey(host, { name: 'Second', triggers: [{ on: 'order.completed', delayDays: 0 }] })
    const other = await host.customer()
    await order(other)
    expect(await invitedTo(other)).toEqual([second.id])
  })
})
