/**
 * @module
 * Carries out one demo step through the plugins' own routes, as staff at the counter or the
 * customer on their phone would. Ids the plugins hand out (case, invitation link, voucher code) are
 * kept under the step's `ref` for the later steps of the same story; a story whose earlier step was
 * refused (a reward the balance did not cover) drops its later steps.
 */
import type { DemoAnswer, DemoClient } from './demo-client.js'
import { DEMO_REWARDS, type DemoStep, type DemoSurveyKey } from './demo-steps.js'

const SURVEY = '/api/p/satisfaction-survey'
const CASES = '/api/p/complaint-tracking'
const POINTS = '/api/p/points-membership'

/** What the steps share: the customers' ids, the surveys' ids and what earlier steps made. */
export type DemoRunState = {
  customerIds: ReadonlyMap<string, string>
  surveys: Partial<Record<DemoSurveyKey, string>>
  refs: Map<string, { caseId?: string; token?: string; surveyId?: string; voucher?: string }>
  /** Refusals by code, for the progress report. */
  refused: Map<string, number>
}

const SURVEYS: Array<[DemoSurveyKey, string, string]> = [
  ['nps', '客户推荐度季度调研 / Relationship NPS', 'nps'],
  ['csat', '购买后满意度 / CSAT after purchase', 'csat-purchase'],
  ['ces', '门店与小程序办理体验 / Customer effort', 'ces'],
  ['complaint', '投诉处理回访 / Complaint follow-up CSAT', 'csat-complaint'],
]

/** @example await runDemoStep(client, state, step) */
export async function runDemoStep(api: DemoClient, state: DemoRunState, step: DemoStep): Promise<void> {
  const refs = state.refs
  const customerId = (external: string) => state.customerIds.get(external)!
  const keep = (answer: DemoAnswer) => {
    if (!answer.ok) state.refused.set(answer.code, (state.refused.get(answer.code) ?? 0) + 1)
    return answer.ok ? answer.body : undefined
  }
  switch (step.kind) {
    case 'setup': {
      for (const [key, name, templateId] of SURVEYS) {
        const survey = keep(await api.call('owner', 'POST', `${SURVEY}/surveys`, { name, templateId }))
        // Without the survey plugin (a demo for points alone) the route is not there: no surveys.
        if (!survey) continue
        keep(await api.call('owner', 'POST', `${SURVEY}/surveys/${survey.id}/versions`))
        state.surveys[key] = survey.id
      }
      for (const reward of DEMO_REWARDS) keep(await api.call('owner', 'POST', `${POINTS}/rewards`, reward))
      return
    }
    case 'survey.invite': {
      const surveyId = state.surveys[step.survey]!
      const caseId = step.caseRef ? refs.get(step.caseRef)?.caseId : undefined
      if (step.caseRef && !caseId) return
      const body = { customerId: customerId(step.customer), locale: step.locale, ...(caseId ? { hidden: { caseId } } : {}), ...(step.ignoreQuietPeriod ? { ignoreQuietPeriod: true } : {}) }
      const invitation = keep(await api.call('owner', 'POST', `${SURVEY}/surveys/${surveyId}/invitations`, body))
      if (invitation) refs.set(step.ref, { token: invitation.token, surveyId })
      return
    }
    case 'survey.open': {
      const link = refs.get(step.ref)
      if (link?.token) keep(await api.call({ link: link.token }, 'GET', `${SURVEY}/respond`))
      return
    }
    case 'survey.complete': {
      const link = refs.get(step.ref)
      if (link?.token) keep(await api.call({ link: link.token }, 'POST', `${SURVEY}/respond/${link.surveyId}/complete`, { answers: step.answers }))
      return
    }
    case 'case.file': {
      const { kind: _k, at: _a, seq: _s, ref, by, customer, ...fields } = step
      const created = keep(await api.call(by, 'POST', `${CASES}/cases`, { customerId: customerId(customer), ...fields }))
      if (created) refs.set(ref, { caseId: created.id })
      return
    }
    default:
      return runCaseOrPointsStep(api, state, step, keep)
  }
}

async function runCaseOrPointsStep(api: DemoClient, state: DemoRunState, step: DemoStep, keep: (a: DemoAnswer) => any): Promise<void> {
  const ref = 'ref' in step ? state.refs.get(step.ref) : undefined
  const caseId = ref?.caseId
  switch (step.kind) {
    case 'case.assign':
      if (caseId) keep(await api.call(step.by, 'POST', `${CASES}/cases/${caseId}/assignment`, { assigneeId: api.userIds[step.to] }))
      return
    case 'case.message':
      if (caseId) keep(await api.call(step.by, 'POST', `${CASES}/cases/${caseId}/messages`, { body: step.body, visibility: step.visibility }))
      return
    case 'case.move': {
      if (!caseId) return
      const { kind: _k, at: _a, seq: _s, ref: _r, by, ...move } = step
      keep(await api.call(by, 'POST', `${CASES}/cases/${caseId}/transitions`, move))
      return
    }
    case 'case.follow-up': {
      if (!caseId) return
      const detail = keep(await api.call(step.by, 'GET', `${CASES}/cases/${caseId}`))
      const visit = detail?.followUps.find((f: { status: string }) => f.status === 'pending')
      if (visit) keep(await api.call(step.by, 'POST', `${CASES}/follow-ups/${visit.id}/outcome`, { reached: step.reached, ...(step.satisfied === undefined ? {} : { satisfied: step.satisfied }), notes: step.notes }))
      return
    }
    case 'points.redeem': {
      const result = keep(await api.call('owner', 'POST', `${POINTS}/members/${state.customerIds.get(step.customer)}/redemptions`, { rewardId: step.rewardId, idempotencyKey: step.ref }))
      if (result?.vouchers?.[0]) state.refs.set(step.ref, { voucher: result.vouchers[0].code })
      return
    }
    case 'points.use-voucher':
      if (ref?.voucher) keep(await api.call('owner', 'POST', `${POINTS}/voucher-uses`, { code: ref.voucher }))
      return
    case 'points.void-voucher':
      if (ref?.voucher) keep(await api.call('owner', 'POST', `${POINTS}/voucher-voids`, { code: ref.voucher, reason: step.reason }))
      return
    case 'churn.win-back':
      keep(await api.call('owner', 'POST', `/api/p/churn-risk/customers/${state.customerIds.get(step.customer)}/win-back`))
      return
    default:
      return
  }
}
