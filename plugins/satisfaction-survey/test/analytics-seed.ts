/**
 * Test helpers for analytics and exports: a survey with every summarised question type, and
 * responses written straight into the table (for exact times and snapshots, and for speed).
 */
import type { TestHost } from '@rapport/plugin-sdk/testing'
import { base } from './survey-client.js'

/** NPS, CSAT, a radio with other-text, a checkbox, a dropdown, a boolean, a matrix, a ranking, a comment. */
export const richSurveyJson = {
  pages: [{
    name: 'p1',
    elements: [
      { type: 'rating', name: 'nps', title: { default: 'Recommend us?', 'zh-cn': '推荐我们吗？' }, rateMin: 0, rateMax: 10 },
      { type: 'rating', name: 'csat', title: 'Satisfied?', rateMin: 1, rateMax: 5 },
      { type: 'radiogroup', name: 'store', title: 'Where?', choices: ['shop', 'web'], showOtherItem: true },
      { type: 'checkbox', name: 'liked', title: 'What did you like?', choices: ['price', 'staff', 'speed'] },
    ],
  }, {
    name: 'p2',
    elements: [
      { type: 'dropdown', name: 'visits', title: 'How often?', choices: ['weekly', 'monthly'] },
      { type: 'boolean', name: 'again', title: 'Again?' },
      { type: 'matrix', name: 'aspects', title: 'Rate', rows: ['speed', 'price'], columns: ['good', 'bad'] },
      { type: 'ranking', name: 'wishes', title: 'Rank', choices: ['a', 'b', 'c'] },
      { type: 'comment', name: 'why', title: 'Why?' },
    ],
  }],
}

/** A response row to insert; `at` is its completion (or start, when partial) instant. */
export type SeedResponse = {
  surveyId: string; version?: number; at: string; nps?: number | null; csat?: number | null; ces?: number | null
  channel?: string; status?: 'completed' | 'partial'; customerId?: string | null; answers?: Record<string, unknown>; snapshot?: Record<string, unknown>
}

let seq = 0

/** Inserts responses of a published survey (its version row must exist). */
export async function seedResponses(host: TestHost, rows: SeedResponse[]): Promise<void> {
  for (const r of rows) {
    const version = r.version ?? 1
    const versionRow = await host.db.get<{ id: string }>('SELECT id FROM satisfaction_versions WHERE survey_id = ? AND version = ?', [r.surveyId, version])
    const status = r.status ?? 'completed'
    const answers = r.answers ?? (r.nps === undefined || r.nps === null ? {} : { nps: r.nps })
    await host.db.run(
      `INSERT INTO satisfaction_responses (id, survey_id, version_id, version, invitation_id, customer_id, channel, status, locale, answers, hidden, profile_snapshot,
        nps, csat, ces, client_key, proof_challenge, started_at, updated_at, completed_at) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, 'en', ?, '{}', ?, ?, ?, ?, NULL, NULL, ?, ?, ?)`,
      [`srv_seed${++seq}`, r.surveyId, versionRow!.id, version, r.customerId ?? null, r.channel ?? 'link', status, JSON.stringify(answers), JSON.stringify(r.snapshot ?? {}),
        r.nps ?? null, r.csat ?? null, r.ces ?? null, r.at, r.at, status === 'completed' ? r.at : null],
    )
  }
}

/** A GET of an analytics route as the analyst, checked for 200. */
export async function analytics(host: TestHost, path: string): Promise<any> {
  const res = await host.as('analyst').get(`${base}${path}`)
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`)
  return res.json()
}
