/**
 * NPS by month over 1M stored responses, against a plain `COUNT(*)` over the same table.
 * The host (satisfaction-survey on SQLite through createTestHost, with its migrations and so the
 * analytics indexes) gets 1M completed responses over 2025 in 10 surveys, written by one
 * recursive-CTE INSERT. Then, in turns, each timed as the best of several runs:
 * - baseline: `SELECT COUNT(*) FROM satisfaction_responses`;
 * - `npsTrend` (the SQL module the route and the dashboard use) by month over 2025, all surveys;
 * - the same for one survey (100k responses);
 * - `GET /analytics/nps?bucket=month&from=2025-01-01&to=2025-12-31` over HTTP (validation, JSON).
 * Run: `pnpm --filter @rapport/plugin-satisfaction-survey bench` (env BENCH_RESPONSES, default 1000000).
 */
import { createTestHost } from '@rapport/plugin-sdk/testing'
import { analyticsScope } from '../server/analytics/analytics-scope.js'
import { npsTrend } from '../server/analytics/nps-trend.js'
import satisfactionSurvey from '../server/index.js'
import { npsSurveyJson } from '../test/survey-client.js'

const responses = Number(process.env.BENCH_RESPONSES ?? 1_000_000)
const runs = 7
const base = '/api/p/satisfaction-survey'

const host = await createTestHost({ plugins: [satisfactionSurvey], dialect: 'sqlite' })
const surveys: Array<{ id: string; versionId: string }> = []
for (let i = 0; i < 10; i++) {
  const created = await host.http.post(`${base}/surveys`, { name: `Bench ${i}`, json: npsSurveyJson, scores: { nps: 'nps' } })
  const survey = (await created.json()) as { id: string }
  const version = (await (await host.http.post(`${base}/surveys/${survey.id}/versions`)).json()) as { id: string }
  surveys.push({ id: survey.id, versionId: version.id })
}

let started = performance.now()
// Surveys and version ids as a VALUES table; each response gets one by i % 10, a time spread over 2025.
const values = surveys.map((_, k) => `(${k}, ?, ?)`).join(', ')
await host.db.run(
  `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1), s(k, survey_id, version_id) AS (VALUES ${values})
   INSERT INTO satisfaction_responses (id, survey_id, version_id, version, customer_id, channel, status, locale, answers, hidden, profile_snapshot, nps, started_at, updated_at, completed_at)
   SELECT 'srv_b' || t.i, s.survey_id, s.version_id, 1, 'c' || (t.i % 50000), 'link', 'completed', 'zh-CN', '{"nps":' || ((t.i * 7) % 11) || '}', '{}', '{}', (t.i * 7) % 11, t.at, t.at, t.at
   FROM (SELECT i, strftime('%Y-%m-%dT%H:%M:%fZ', '2025-01-01', '+' || (i * 31) || ' seconds') AS at FROM n) t JOIN s ON s.k = t.i % 10`,
  [responses, ...surveys.flatMap((s) => [s.id, s.versionId])],
)
await host.db.exec('ANALYZE')
console.log(`${responses.toLocaleString('en')} responses written in ${((performance.now() - started) / 1000).toFixed(1)} s`)

async function best(label: string, run: () => Promise<unknown>): Promise<number> {
  await run()
  let fastest = Number.POSITIVE_INFINITY
  for (let i = 0; i < runs; i++) {
    started = performance.now()
    await run()
    fastest = Math.min(fastest, performance.now() - started)
  }
  console.log(`${label.padEnd(34)} ${fastest.toFixed(1).padStart(8)} ms`)
  return fastest
}

const now = new Date('2026-01-15T00:00:00Z')
const year = analyticsScope({ from: '2025-01-01', to: '2025-12-31', timeZone: 'Asia/Shanghai' }, now)
const oneSurvey = analyticsScope({ from: '2025-01-01', to: '2025-12-31', timeZone: 'Asia/Shanghai', surveyId: surveys[0]!.id }, now)
const check = await npsTrend(host.db, year, 'month')
if (check.overall.responses === 0 || check.trend.length !== 12) throw new Error(`unexpected result: ${JSON.stringify(check.overall)}, ${check.trend.length} buckets`)

const count = await best('baseline COUNT(*)', () => host.db.get('SELECT COUNT(*) AS n FROM satisfaction_responses'))
const all = await best('NPS by month, all surveys (SQL)', () => npsTrend(host.db, year, 'month'))
const one = await best('NPS by month, one survey (SQL)', () => npsTrend(host.db, oneSurvey, 'month'))
const http = await best('GET /analytics/nps?bucket=month', async () => {
  const res = await host.http.get(`${base}/analytics/nps?bucket=month&from=2025-01-01&to=2025-12-31&timeZone=Asia/Shanghai`)
  if (res.status !== 200) throw new Error(`analytics: ${res.status}`)
  return res.json()
})
console.log(`NPS ${check.overall.nps} over ${check.overall.responses.toLocaleString('en')} responses in ${check.trend.length} months`)
console.log(`ratio NPS by month (all surveys) / COUNT(*) = ${(all / count).toFixed(1)}x; one survey ${(one / count).toFixed(1)}x; HTTP ${(http / count).toFixed(1)}x`)
console.log(`aim <= 200 ms: all surveys ${all.toFixed(0)} ms ${all <= 200 ? 'met' : 'MISSED'}; HTTP ${http.toFixed(0)} ms ${http <= 200 ? 'met' : 'MISSED'}`)
await host.close()
