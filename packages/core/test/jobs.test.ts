import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createScheduler, type Scheduler } from '../src/jobs/create-scheduler.js'
import type { JobRun } from '../src/plugins/contract.js'
import { createTestApp, dialects, json, type TestApp } from '../testing/test-app.js'
import { adminClient, runtimeOf, type FixturePlugin } from './fixtures/fixture-runtime.js'

type RunRow = { id: string; job: string; trigger: string; scheduled_for: string; outcome: string; error: string | null; progress_done: number | null; progress_total: number | null; runner: string; ended_at: string | null }

/** A job that waits for the test to let it finish (`release`), and stops when aborted. */
function gatedJob() {
  const waiting: Array<() => void> = []
  const starts: Array<{ n: number; resolve: () => void }> = []
  const state = { runs: 0 }
  const run = async ({ progress, signal }: JobRun) => {
    state.runs += 1
    await progress(3, 10)
    const finished = new Promise<void>((resolve, reject) => {
      waiting.push(resolve)
      signal.addEventListener('abort', () => reject(signal.reason))
    })
    for (const s of starts.filter((w) => w.n <= state.runs)) s.resolve()
    await finished
    await progress(10)
  }
  /** Resolves once `n` runs have started and are waiting. */
  const started = (n: number) => new Promise<void>((resolve) => { if (state.runs >= n && waiting.length > 0) resolve(); else starts.push({ n, resolve }) })
  return { state, run, started, release: () => { for (const open of waiting.splice(0)) open() } }
}

describe.each(dialects)('scheduled jobs on %s', (dialect) => {
  let t: TestApp
  let call: ReturnType<typeof adminClient>
  let nightlyRuns: number
  let gate: ReturnType<typeof gatedJob>
  const schedulers: Scheduler[] = []
  const scheduler = (runnerId?: string) => {
    const s = createScheduler(t.services, runnerId ? { runnerId } : {})
    schedulers.push(s)
    return s
  }
  const reports = (): FixturePlugin => ({
    name: 'reports',
    jobs: [
      { name: 'nightly', cron: '0 3 * * *', run: async ({ progress }) => { nightlyRuns += 1; await progress(5, 10); await progress(10, 10) } },
      { name: 'slow', cron: '0 4 * * *', run: gate.run },
      { name: 'broken', cron: '0 5 * * *', run: async () => { throw new Error('warehouse unreachable') } },
    ],
  })
  const runs = (job: string) => t.db.all<RunRow>('SELECT * FROM core_job_runs WHERE job = ? ORDER BY started_at, scheduled_for', [job])

  beforeAll(async () => {
    t = await createTestApp(dialect)
    call = adminClient(t)
  }, 60_000)
  beforeEach(async () => {
    await t.reset()
    nightlyRuns = 0
    gate = gatedJob()
    t.services.runtime = runtimeOf([reports()])
  })
  afterEach(async () => {
    gate.release()
    await Promise.all(schedulers.splice(0).map((s) => s.stop()))
  })
  afterAll(async () => { await t.close() })

  it('runs a schedule slot once across two schedulers on one database', async () => {
    const a = scheduler('runner-a')
    const b = scheduler('runner-b')
    const slot = '2026-06-01T03:00:00.000Z'
    const results = await Promise.all([a.runDue('reports:nightly', slot), b.runDue('reports:nightly', new Date(slot)), a.runDue('reports:nightly', slot)])
    expect(results.filter((r) => r !== null)).toEqual([{ runId: expect.any(String), outcome: 'succeeded' }])
    expect(nightlyRuns).toBe(1)
    expect(await a.runDue('reports:nightly', slot)).toBeNull()
    expect(await b.runDue('reports:nightly', '2026-06-02T03:00:00.000Z')).toMatchObject({ outcome: 'succeeded' })
    expect(nightlyRuns).toBe(2)
    const rows = await runs('reports:nightly')
    expect(rows.map((r) => [r.trigger, r.scheduled_for, r.outcome])).toEqual([
      ['schedule', slot, 'succeeded'],
      ['schedule', '2026-06-02T03:00:00.000Z', 'succeeded'],
    ])
    expect(['runner-a', 'runner-b']).toContain(rows[0]!.runner)
    expect(await t.db.all('SELECT * FROM core_job_locks')).toEqual([])
  })

  it('records progress while a job runs and when it ends', async () => {
    const s = scheduler()
    const { runId } = await s.trigger('reports:slow')
    await gate.started(1)
    expect(await t.db.get('SELECT outcome, progress_done, progress_total FROM core_job_runs WHERE id = ?', [runId])).toEqual({ outcome: 'running', progress_done: 3, progress_total: 10 })
    gate.release()
    await s.drain()
    const res = await call('GET', '/api/v1/jobs/reports%3Aslow/runs')
    expect(res.status).toBe(200)
    expect((await json(res)).items).toEqual([expect.objectContaining({ id: runId, job: 'reports:slow', trigger: 'manual', outcome: 'succeeded', progress: { done: 10, total: 10 }, error: null, endedAt: expect.any(String) })])
  })

  it('refuses a manual run while one is in progress (409), skips a slot meanwhile, and runs again after', async () => {
    const other = scheduler('other-process')
    const s = scheduler() // the one the routes use: the latest created
    const first = await call('POST', '/api/v1/jobs/reports:slow/run')
    expect(first.status).toBe(202)
    const { runId } = await json(first)
    await gate.started(1)
    const second = await call('POST', '/api/v1/jobs/reports%3Aslow/run')
    expect(second.status).toBe(409)
    expect((await json(second)).error).toMatchObject({ code: 'JOB_ALREADY_RUNNING', details: { job: 'reports:slow' } })
    await expect(s.trigger('reports:slow')).rejects.toMatchObject({ code: 'JOB_ALREADY_RUNNING', status: 409 })
    expect(await other.runDue('reports:slow', '2026-06-01T04:00:00.000Z')).toMatchObject({ outcome: 'abandoned' })
    expect((await json(await call('GET', '/api/v1/jobs'))).items.find((j: { job: string }) => j.job === 'reports:slow')).toMatchObject({ running: true })

    gate.release()
    await s.drain()
    const third = await call('POST', '/api/v1/jobs/reports:slow/run')
    expect(third.status).toBe(202)
    await gate.started(2)
    gate.release()
    await s.drain()
    const rows = await runs('reports:slow')
    expect(rows.map((r) => [r.trigger, r.outcome]).sort()).toEqual([['manual', 'succeeded'], ['manual', 'succeeded'], ['schedule', 'abandoned']])
    // Both manual runs were requested at the same (fake) millisecond: the second took the next one.
    expect(new Set(rows.map((r) => r.scheduled_for)).size).toBe(3)
    expect(rows.find((r) => r.trigger === 'schedule')!.error).toBe('Skipped: another run of this job was in progress')
    expect(rows.find((r) => r.id === runId)!.outcome).toBe('succeeded')
    expect(gate.state.runs).toBe(2)
    expect(await t.db.get("SELECT action, target_id FROM core_audit_log WHERE action = 'job.triggered' LIMIT 1")).toEqual({ action: 'job.triggered', target_id: 'reports:slow' })
  })

  it("records a failing job's error and releases its lock", async () => {
    const s = scheduler()
    expect((await call('POST', '/api/v1/jobs/reports:broken/run')).status).toBe(202)
    await s.drain()
    expect(await runs('reports:broken')).toMatchObject([{ outcome: 'failed', error: 'warehouse unreachable', ended_at: expect.any(String) }])
    expect((await call('POST', '/api/v1/jobs/reports:broken/run')).status).toBe(202)
    await s.drain()
    expect(await runs('reports:broken')).toHaveLength(2)
    expect(await s.runDue('reports:broken', '2026-06-01T05:00:00.000Z')).toMatchObject({ outcome: 'failed' })
  })

  it("takes over a crashed runner's expired lock and marks its run abandoned", async () => {
    const now = t.services.now()
    await t.db.run("INSERT INTO core_job_runs (id, job, \"trigger\", scheduled_for, started_at, outcome, runner) VALUES ('jrun_ghost', 'reports:nightly', 'schedule', ?, ?, 'running', 'ghost')", [now.toISOString(), now.toISOString()])
    await t.db.run("INSERT INTO core_job_locks (job, holder, expires_at) VALUES ('reports:nightly', 'jrun_ghost', ?)", [new Date(now.getTime() + 1000).toISOString()])
    const s = scheduler()
    await expect(s.trigger('reports:nightly')).rejects.toMatchObject({ code: 'JOB_ALREADY_RUNNING' })
    t.advance(1001)
    await s.trigger('reports:nightly')
    await s.drain()
    expect(nightlyRuns).toBe(1)
    expect(await runs('reports:nightly')).toMatchObject([
      { id: 'jrun_ghost', outcome: 'abandoned', error: expect.stringContaining('stopped renewing') },
      { trigger: 'manual', outcome: 'succeeded' },
    ])
  })

  it('stops: aborts a run in progress and records it abandoned', async () => {
    const s = scheduler()
    const { runId } = await s.trigger('reports:slow')
    await gate.started(1)
    await s.stop()
    expect(await t.db.get('SELECT outcome, error FROM core_job_runs WHERE id = ?', [runId])).toEqual({ outcome: 'abandoned', error: 'Stopped: The scheduler stopped' })
    expect(await t.db.all('SELECT * FROM core_job_locks')).toEqual([])
  })

  it('lists active jobs with cron, plugin, next run and last run', async () => {
    const s = scheduler()
    await s.runDue('reports:nightly', '2026-06-01T03:00:00.000Z')
    const res = await call('GET', '/api/v1/jobs')
    expect(res.status).toBe(200)
    const { items } = await json(res)
    expect(items.map((j: { job: string }) => j.job)).toEqual(['reports:nightly', 'reports:slow', 'reports:broken'])
    expect(items[0]).toMatchObject({
      job: 'reports:nightly', plugin: 'reports', name: 'nightly', cron: '0 3 * * *', nextRunAt: '2026-06-02T03:00:00.000Z', running: false,
      lastRun: { trigger: 'schedule', scheduledFor: '2026-06-01T03:00:00.000Z', outcome: 'succeeded', progress: { done: 10, total: 10 } },
    })
    expect(items[1]).toMatchObject({ nextRunAt: '2026-06-02T04:00:00.000Z', lastRun: null })
  })

  it('answers 404 for a job no active plugin has', async () => {
    const s = scheduler()
    const run = await call('POST', '/api/v1/jobs/reports:nope/run')
    expect(run.status).toBe(404)
    expect((await json(run)).error).toMatchObject({ code: 'JOB_NOT_FOUND', details: { job: 'reports:nope' } })
    expect((await call('GET', '/api/v1/jobs/reports%3Anope/runs')).status).toBe(404)
    await expect(s.runDue('reports:nope', '2026-06-01T03:00:00.000Z')).rejects.toMatchObject({ code: 'JOB_NOT_FOUND' })
    // History stays readable after the plugin is disabled.
    await s.runDue('reports:nightly', '2026-06-01T03:00:00.000Z')
    t.services.runtime = runtimeOf([])
    expect((await json(await call('GET', '/api/v1/jobs/reports:nightly/runs'))).items).toHaveLength(1)
    expect((await call('POST', '/api/v1/jobs/reports:nightly/run')).status).toBe(404)
  })

  it('schedules every active job with croner (UTC) on sync and drops jobs that are gone', async () => {
    let ticks = 0
    const plugins: FixturePlugin[] = [{ name: 'pulse', jobs: [{ name: 'beat', cron: '* * * * * *', run: async () => { ticks += 1 } }, { name: 'bad', cron: 'not a cron', run: async () => undefined }] }]
    t.services.runtime = runtimeOf(plugins)
    const s = scheduler()
    s.sync()
    const deadline = Date.now() + 5_000
    while (Date.now() < deadline && ticks === 0) await new Promise((resolve) => setTimeout(resolve, 50))
    await s.drain()
    expect(ticks).toBe(1)
    // The fake clock has not moved: later ticks name the same slot, which already ran.
    expect(await runs('pulse:beat')).toMatchObject([{ trigger: 'schedule', scheduled_for: new Date(Math.floor(t.services.now().getTime() / 1000) * 1000).toISOString(), outcome: 'succeeded' }])

    plugins.splice(0)
    s.sync()
    t.advance(60_000)
    await new Promise((resolve) => setTimeout(resolve, 1_200))
    await s.drain()
    expect(ticks).toBe(1)
  })

  it('lets only admins see and run jobs', async () => {
    scheduler()
    expect((await call('GET', '/api/v1/jobs', 'owner')).status).toBe(200)
    const agent = await call('GET', '/api/v1/jobs', 'agent')
    expect(agent.status).toBe(403)
    expect((await json(agent)).error.code).toBe('AUTH_FORBIDDEN')
    const anonymous = await call('GET', '/api/v1/jobs', 'anonymous')
    expect(anonymous.status).toBe(401)
    expect((await json(anonymous)).error.code).toBe('AUTH_REQUIRED')
    expect((await call('GET', '/api/v1/jobs/reports:nightly/runs', 'analyst')).status).toBe(403)
    expect((await call('POST', '/api/v1/jobs/reports:nightly/run', 'agent')).status).toBe(403)
    expect((await call('POST', '/api/v1/jobs/reports:nightly/run', 'anonymous')).status).toBe(401)
    expect(nightlyRuns).toBe(0)
  })
})
