/**
 * Test helpers: the plugin's routes as HTTP calls, surveys to answer, links for customers.
 */
import type { TestHost } from '@rapport/plugin-sdk/testing'

export const base = '/api/p/satisfaction-survey'
export const DAY = 86_400_000

/** A survey with an NPS question, a required follow-up shown only to detractors, a choice and a comment. */
export const npsSurveyJson = {
  pages: [{
    name: 'p1',
    elements: [
      { type: 'rating', name: 'nps', title: { default: 'Recommend us?', 'zh-cn': '推荐我们吗？' }, rateMin: 0, rateMax: 10, isRequired: true },
      { type: 'comment', name: 'why', title: 'What went wrong?', visibleIf: '{nps} <= 6', isRequired: true },
      { type: 'radiogroup', name: 'channel', title: 'Where did you buy?', choices: ['store', 'web', 'app'] },
      { type: 'text', name: 'email', title: 'Email', inputType: 'email', validators: [{ type: 'email' }] },
    ],
  }],
}

async function ok(res: Response, status: number, what: string): Promise<any> {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${await res.text()}`)
  return status === 204 ? undefined : res.json()
}

/** `POST /surveys` as the owner. */
export const createSurvey = async (host: TestHost, body: Record<string, unknown> = {}) =>
  ok(await host.http.post(`${base}/surveys`, { name: 'After-sale NPS', json: npsSurveyJson, scores: { nps: 'nps' }, ...body }), 201, 'create survey')

/** `POST /surveys/{id}/versions` as the owner. */
export const publish = async (host: TestHost, surveyId: string) => ok(await host.http.post(`${base}/surveys/${surveyId}/versions`), 201, 'publish')

/** A published survey. */
export async function publishedSurvey(host: TestHost, body: Record<string, unknown> = {}): Promise<any> {
  const survey = await createSurvey(host, body)
  await publish(host, survey.id)
  return survey
}

/** `POST /surveys/{id}/invitations` as the owner: `{ token, url, id, … }`. */
export const invite = async (host: TestHost, surveyId: string, customerId: string, extra: Record<string, unknown> = {}) =>
  ok(await host.http.post(`${base}/surveys/${surveyId}/invitations`, { customerId, ...extra }), 201, 'invite')

/** The customer's calls through a link token. */
export function asCustomer(host: TestHost, token: string) {
  const client = host.as({ link: token })
  return {
    form: () => client.get(`${base}/respond`),
    partial: (surveyId: string, answers: Record<string, unknown>) => client.post(`${base}/respond/${surveyId}/partial`, { answers }),
    complete: (surveyId: string, answers: Record<string, unknown>, extra: Record<string, unknown> = {}) => client.post(`${base}/respond/${surveyId}/complete`, { answers, ...extra }),
  }
}

/** The error code and details of a refusal, after checking its status. */
export async function refusal(res: Response, status: number): Promise<{ code: string; details: any }> {
  const body: any = await res.clone().json().catch(() => ({}))
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status} ${JSON.stringify(body)}`)
  return body.error
}

/** Completed responses as staff list them. */
export const responsesOf = async (host: TestHost, query = '') => (await ok(await host.http.get(`${base}/responses?${query}`), 200, 'responses')).items as any[]

/** The customer's events of this plugin, oldest first. */
export async function surveyEvents(host: TestHost, customerId: string): Promise<Array<{ type: string; payload: any }>> {
  const res = await host.http.get(`/api/v1/customers/${customerId}/events?limit=100`)
  return (await ok(res, 200, 'events')).items.filter((e: { type: string }) => e.type.startsWith('survey.')).reverse()
}

/**
 * Moves the fake clock forward in steps shorter than the 12-hour session idle time, touching the
 * owner's session between steps (the SDK's `advance` does not keep test sessions alive).
 */
export async function travel(host: TestHost, ms: number): Promise<void> {
  const step = 6 * 3_600_000
  for (let left = ms; left > 0; left -= step) {
    host.advance(Math.min(step, left))
    await host.http.get('/api/v1/customers?limit=1')
  }
}
