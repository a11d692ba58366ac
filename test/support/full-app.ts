/**
 * @module
 * The in-process app with every plugin the server installs, and a small world to call it with:
 * two customers, a published survey with customer links for both, a second survey, a complaint
 * case with an attachment for the first customer, a member with points, and a complaint link for each.
 */
import { installedPlugins } from '@rapport/api'
import type { PluginDefinition, PluginHostOptions } from '@rapport/core'
import { createTestApp, json, type TestApp, type TestDialect } from '@rapport/core/testing'

/** What a suite adds to the server's plugins: more plugins (fixtures), and the host's options. */
export type FullAppOptions = { also?: readonly PluginDefinition[]; hostOptions?: PluginHostOptions }

/** The test app with the server's installed plugins; fails loudly when one did not boot. */
export async function createFullApp(dialect: TestDialect, { also = [], hostOptions }: FullAppOptions = {}): Promise<TestApp> {
  const t = await createTestApp(dialect, { plugins: [...installedPlugins, ...also], ...(hostOptions ? { hostOptions } : {}) })
  const failed = Object.entries(t.bootReport?.plugins ?? {}).filter(([, s]) => s.state !== 'active')
  if (failed.length > 0) throw new Error(`plugins did not boot: ${JSON.stringify(failed)}`)
  return t
}

export type World = {
  customerA: string
  customerB: string
  surveyId: string
  otherSurveyId: string
  publicToken: string
  caseA: string
  attachmentA: string
  rewardId: string
  /** Survey invitation links (purpose satisfaction-survey) for survey `surveyId`. */
  surveyLinkA: string
  surveyLinkB: string
  /** Host links with purpose complaint-tracking. */
  complaintLinkA: string
  complaintLinkB: string
  /** Host links with purpose points-membership (customer A is a member with points). */
  pointsLinkA: string
  pointsLinkB: string
}

export const SURVEY = '/api/p/satisfaction-survey'
export const COMPLAINTS = '/api/p/complaint-tracking'
export const POINTS = '/api/p/points-membership'

export const npsSurvey = {
  pages: [{ name: 'p1', elements: [
    { type: 'rating', name: 'nps', title: { default: 'Recommend us?', 'zh-cn': '推荐我们吗？' }, rateMin: 0, rateMax: 10, isRequired: true },
    { type: 'comment', name: 'why', title: 'Why?' },
  ] }],
}

/** Throws with the body when the status is not the expected one; returns the JSON body. */
export async function expectStatus(res: Response, status: number, what: string): Promise<any> {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${await res.text()}`)
  return status === 204 ? undefined : res.json()
}

/** Builds the world through the public API as the owner. */
export async function buildWorld(t: TestApp): Promise<World> {
  const customer = async (externalId: string) => (await expectStatus(await t.request('POST', '/api/v1/customers', { body: { externalId, name: `Customer ${externalId}`, email: `${externalId}@example.cn` } }), 201, 'customer')).id as string
  const customerA = await customer('world-a')
  const customerB = await customer('world-b')
  const survey = async (name: string) => {
    const created = await expectStatus(await t.request('POST', `${SURVEY}/surveys`, { body: { name, json: npsSurvey, scores: { nps: 'nps' }, publicLink: { enabled: true } } }), 201, 'survey')
    await expectStatus(await t.request('POST', `${SURVEY}/surveys/${created.id}/versions`), 201, 'publish')
    return created
  }
  const main = await survey('After-sale NPS')
  const other = await survey('Store visit')
  const invite = async (customerId: string) => (await expectStatus(await t.request('POST', `${SURVEY}/surveys/${main.id}/invitations`, { body: { customerId, ignoreQuietPeriod: true } }), 201, 'invite')).token as string
  const link = async (customerId: string, purpose = 'complaint-tracking') => (await expectStatus(await t.request('POST', `/api/v1/customers/${customerId}/links`, { body: { purpose } }), 201, 'link')).token as string
  await expectStatus(await t.request('POST', `${POINTS}/members`, { body: { customerId: customerA } }), 201, 'enrol')
  await expectStatus(await t.request('POST', `${POINTS}/members/${customerA}/adjustments`, { body: { points: 500, reason: 'welcome gift', idempotencyKey: 'world-welcome' } }), 201, 'adjust')
  const caseA = (await expectStatus(await t.request('POST', `${COMPLAINTS}/cases`, { body: { customerId: customerA, category: 'other', description: 'The parcel arrived broken' } }), 201, 'case')).id as string
  const attachment = await expectStatus(await t.request('POST', `${COMPLAINTS}/cases/${caseA}/attachments`, { body: { files: [{ fileName: 'photo.txt', contentType: 'text/plain', dataBase64: Buffer.from('broken box').toString('base64') }] } }), 201, 'attachment')
  const reward = await expectStatus(await t.request('POST', `${POINTS}/rewards`, { body: rewardBody('Coffee voucher') }), 201, 'reward')
  return {
    customerA, customerB, surveyId: main.id, otherSurveyId: other.id, publicToken: main.publicToken, caseA,
    attachmentA: (attachment.items ?? attachment)[0]?.id ?? attachment.id, rewardId: reward.id,
    surveyLinkA: await invite(customerA), surveyLinkB: await invite(customerB),
    complaintLinkA: await link(customerA), complaintLinkB: await link(customerB),
    pointsLinkA: await link(customerA, 'points-membership'), pointsLinkB: await link(customerB, 'points-membership'),
  }
}

/** A reward the points plugin accepts. */
export const rewardBody = (name: string) => ({ id: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), name, costPoints: 10, kind: 'voucher', voucherValidDays: 30 })

export { json }
