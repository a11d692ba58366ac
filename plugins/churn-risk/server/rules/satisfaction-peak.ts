/**
 * @module
 * Pure rule on satisfaction-survey's `survey.response.completed`: keeps the highest satisfaction
 * the customer ever gave (0–10: the NPS, else the CSAT of 1–5 stretched), which a drop is
 * measured from (the payload typed by satisfaction-survey's contract). Taken from the log, so a late re-score or a rebuild still sees every response.
 */
import { rule } from '@rapport/plugin-sdk'

/** Satisfaction of one response on 0–10, if it has a score. @example responseLevel({ nps: null, csat: 4 }) // 7.5 */
export function responseLevel(payload: { nps?: unknown; csat?: unknown }): number | undefined {
  if (typeof payload.nps === 'number' && Number.isFinite(payload.nps)) return Math.min(10, Math.max(0, payload.nps))
  if (typeof payload.csat === 'number' && Number.isFinite(payload.csat)) return Math.min(10, Math.max(0, (payload.csat - 1) * 2.5))
  return undefined
}

export const satisfactionPeak = rule({
  id: 'satisfaction-peak', version: 1, on: 'survey.response.completed',
  apply: (e) => {
    const level = responseLevel(e.payload)
    return level === undefined ? {} : { 'churnRisk.satisfactionPeak': { max: level } }
  },
})
