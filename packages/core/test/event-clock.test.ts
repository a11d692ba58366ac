/**
 * The business clock (issue 20): while an event is handled, `ctx.now()` is the event's own
 * `occurredAt` (in-transaction subscribers, the events they emit, explanations of the changes);
 * while a job runs, it is the job's as-of time (its slot, also when an import replays it); core's
 * bookkeeping keeps the real clock. `runJobsThrough` replays every job's slots in order.
 */
import { z } from '@hono/zod-openapi'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { importCsv } from '../src/imports/import-csv.js'
import { createScheduler } from '../src/jobs/create-scheduler.js'
import { runJobsThrough } from '../src/jobs/run-jobs-through.js'
import type { PluginDefinition } from '../src/plugins/contract.js'
import { createTestApp, dialects, json, type TestApp } from '../testing/test-app.js'

/** Records what `ctx.now()` said wherever the plugin looked, and emits a follow-up without a time. */
function clockPlugin(seen: Array<{ where: string; now: string }>): PluginDefinition {
  return {
    name: 'clock', namespace: 'clock', version: '1.0.0', host: '^1',
    events: { 'clock.noted': z.object({ orderId: z.string() }) },
    profile: { lastSeenAt: { kind: 'date', label: { en: 'Last seen', 'zh-CN': '最近' } } },
    setup(ctx) {
      ctx.on('order.completed' as never, async (e, sub) => {
        const event = e as unknown as { customerId: string; seq: number; payload: { orderId: string } }
        seen.push({ where: 'subscriber', now: ctx.now().toISOString() })
        await ctx.updateProfile(sub.tx, event.customerId, { 'clock.lastSeenAt': { set: ctx.now().toISOString() } } as never, { id: 'note', eventSeq: event.seq })
        await ctx.emit('clock.noted' as never, event.customerId, { orderId: event.payload.orderId } as never, { key: event.payload.orderId })
      }, { id: 'note', phase: 'inTransaction' })
      ctx.on('clock.noted' as never, () => { seen.push({ where: 'cascade', now: ctx.now().toISOString() }) }, { id: 'cascade', phase: 'inTransaction' })
      ctx.schedule('daily', '10 0 * * *', async (job) => {
        seen.push({ where: `daily ${job.asOf}`, now: ctx.now().toISOString() })
        // Its run of 3 January appends an event (which may give other jobs work); the others append nothing.
        if (job.asOf.startsWith('2025-01-03')) await ctx.emit('clock.noted' as never, null, { orderId: 'daily' } as never, { key: `daily-${job.asOf}` })
      })
      ctx.schedule('minutely', '* * * * *', async () => {
        seen.push({ where: 'minutely', now: ctx.now().toISOString() })
        // After its first replayed slot, nothing to do for an hour; after any other, nothing until something changes.
        return { nextWorkAt: ctx.now().toISOString() === '2025-01-01T23:01:00.000Z' ? '2025-01-02T00:01:00.000Z' : null }
      })
    },
  }
}

const order = (id: string, occurredAt: string) => ({ id, type: 'order.completed', customerExternalId: 'c-1', orderId: id, amountMinor: 100, currency: 'CNY', occurredAt })

describe.each(dialects)('the business clock on %s', (dialect) => {
  let t: TestApp
  // The test app's live scheduler may tick the every-minute job in real time too: assertions pick what they look at.
  const seen: Array<{ where: string; now: string }> = []
  beforeAll(async () => { t = await createTestApp(dialect, { plugins: [clockPlugin(seen)] }) }, 60_000)
  beforeEach(async () => { await t.reset(); seen.length = 0 })
  afterAll(() => t.close())

  it("gives subscribers, cascaded events and the explanation the event's own time, and keeps the real clock for the log's recordedAt", async () => {
    const res = await t.request('POST', '/api/v1/events', { body: { events: [order('o-1', '2024-03-05T10:00:00+08:00')] }, as: 'admin' })
    expect(res.status).toBe(200)
    expect(seen.filter((x) => x.where === 'subscriber' || x.where === 'cascade')).toEqual([{ where: 'subscriber', now: '2024-03-05T02:00:00.000Z' }, { where: 'cascade', now: '2024-03-05T02:00:00.000Z' }])
    const noted = await t.db.get<{ occurred_at: string; recorded_at: string }>("SELECT occurred_at, recorded_at FROM core_events WHERE type = 'clock.noted'")
    expect(noted).toEqual({ occurred_at: '2024-03-05T02:00:00.000Z', recorded_at: '2026-06-01T08:00:00.000Z' })
    const customerId = (await t.db.get<{ customer_id: string }>("SELECT customer_id FROM core_events WHERE type = 'order.completed'"))!.customer_id
    const explained = await json(await t.request('GET', `/api/v1/customers/${customerId}/explain?field=clock.lastSeenAt`, { as: 'admin' }))
    expect(JSON.stringify(explained)).toContain('2024-03-05T02:00:00.000Z')
    expect(JSON.stringify(explained)).not.toContain('2026-06-01T08:00:00.000Z')
  })

  it('runs a scheduled slot as of the slot, and a manual run as of the request', async () => {
    const scheduler = createScheduler(t.services)
    try {
      expect(await scheduler.runDue('clock:daily', '2025-01-02T00:10:00.000Z')).toMatchObject({ outcome: 'succeeded' })
    } finally {
      await scheduler.stop()
    }
    await t.runJob('clock:daily')
    expect(seen.filter((x) => x.where.startsWith('daily'))).toEqual([
      { where: 'daily 2025-01-02T00:10:00.000Z', now: '2025-01-02T00:10:00.000Z' },
      { where: 'daily 2026-06-01T08:00:00.000Z', now: '2026-06-01T08:00:00.000Z' },
    ])
    const run = await t.db.get<{ started_at: string }>("SELECT started_at FROM core_job_runs WHERE scheduled_for = '2025-01-02T00:10:00.000Z'")
    expect(run?.started_at).toBe('2026-06-01T08:00:00.000Z')
  })

  it('replays every slot in (from, to] in time order, skipping the slots a job said were idle', async () => {
    const summary = await runJobsThrough(t.services, '2025-01-01T23:00:00.000Z', '2025-01-03T00:12:00.000Z')
    const daily = seen.filter((s) => s.where.startsWith('daily')).map((s) => s.now)
    expect(daily).toEqual(['2025-01-02T00:10:00.000Z', '2025-01-03T00:10:00.000Z'])
    const minutely = seen.filter((s) => s.where === 'minutely' && s.now < '2026').map((s) => s.now)
    // First slot; its hint (an hour later); then idle (null) until a run appends an event: the daily
    // run of 2 January appends none, so its slot stays skipped; 3 January's does, so the next slot runs.
    expect(minutely).toEqual(['2025-01-01T23:01:00.000Z', '2025-01-02T00:01:00.000Z', '2025-01-03T00:11:00.000Z'])
    const replayed = seen.filter((s) => s.now < '2026').map((s) => s.now)
    expect(replayed).toEqual([...replayed].sort())
    expect(summary.runs).toEqual({ 'clock:daily': 2, 'clock:minutely': 3 })
    expect(summary.failures).toEqual([])
    // Replayed slots are history, not runs of this process.
    expect(await t.db.all('SELECT id FROM core_job_runs')).toEqual([])
  })

  it.each(['all-or-nothing', 'valid-only'] as const)('imports orders (%s) oldest first at their own times, with the jobs replayed between them and then through today', async (mode) => {
    const csv = ['orderId,customerExternalId,amountMinor,currency,occurredAt', 'o-2,c-1,100,CNY,2025-01-03T12:00:00Z', 'o-1,c-1,100,CNY,2025-01-01T12:00:00Z', 'o-3,c-2,100,CNY,2025-01-03T00:10:00Z'].join('\n')
    const report = await importCsv(t.services, 'orders', csv, { caller: { kind: 'system' }, mode })
    expect(report).toMatchObject({ committed: true, imported: 3, invalid: [] })
    const handled = seen.filter((x) => x.where === 'subscriber' || x.where.startsWith('daily')).map((x) => `${x.where.startsWith('daily') ? 'daily' : 'order'} ${x.now}`)
    // A slot at an order's own time runs before it (o-3 at 00:10 after the 00:10 job).
    expect(handled.slice(0, 5)).toEqual(['order 2025-01-01T12:00:00.000Z', 'daily 2025-01-02T00:10:00.000Z', 'daily 2025-01-03T00:10:00.000Z', 'order 2025-01-03T00:10:00.000Z', 'order 2025-01-03T12:00:00.000Z'])
    const days = (Date.parse('2026-06-01') - Date.parse('2025-01-02')) / 86_400_000 + 1
    expect(handled.filter((h) => h.startsWith('daily'))).toHaveLength(days)
    expect(handled.at(-1)).toBe('daily 2026-06-01T00:10:00.000Z')
    const events = await t.db.all<{ type: string; occurred_at: string }>("SELECT type, occurred_at FROM core_events WHERE type = 'order.completed' ORDER BY seq")
    expect(events.map((e) => e.occurred_at)).toEqual(['2025-01-01T12:00:00.000Z', '2025-01-03T00:10:00.000Z', '2025-01-03T12:00:00.000Z'])
  })
})
