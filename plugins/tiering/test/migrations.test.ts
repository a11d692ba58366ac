import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import tiering from '../server/index.js'
import { DROP_STALE_REEVALUATE_DELIVERIES } from '../server/migrations.js'

type Delivery = { subscriber: string; state: string }

describe.each(dialects)('migration 0005 on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => { host = await createTestHost({ plugins: [tiering], dialect }) }, 60_000)
  beforeEach(() => host.reset())
  afterAll(() => host.close())

  /** A delivery row as an older version of tiering left it. */
  const leftBehind = (n: number, subscriber: string, state: string) => host.db.run(
    `INSERT INTO core_deliveries (id, event_seq, event_id, subscriber, state, attempts, max_attempts, next_attempt_at, created_at)
     VALUES (?, ?, ?, ?, ?, 0, 8, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    [`dlv_old_${n}`, n, `evt_old_${n}`, subscriber, state],
  )

  it('deletes the pending and claimed re-evaluations of older versions, and keeps every other delivery', async () => {
    await leftBehind(1, 'tiering:reevaluate-after-points.earned', 'pending')
    await leftBehind(2, 'tiering:reevaluate-after-survey.response.completed', 'running')
    await leftBehind(3, 'tiering:reevaluate-after-points.earned', 'done')
    await leftBehind(4, 'tiering:reevaluate-after-complaint.resolved', 'dead')
    await leftBehind(5, 'points-membership:notify-member', 'pending')
    for (const sql of DROP_STALE_REEVALUATE_DELIVERIES) await host.db.run(sql)
    const items: Delivery[] = (await host.json(await host.http.get('/api/v1/deliveries?limit=50'))).items
    expect(items.map((d) => `${d.subscriber} ${d.state}`).sort()).toEqual([
      'points-membership:notify-member pending', 'tiering:reevaluate-after-complaint.resolved dead', 'tiering:reevaluate-after-points.earned done',
    ])
  })
})
