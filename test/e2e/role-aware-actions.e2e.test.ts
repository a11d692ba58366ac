/**
 * The admin shows each role only the actions the server accepts from it, from the permissions
 * `GET /api/v1/auth/me` computes with the server's own route policies: an analyst opening a
 * complaint case sees no reply composer, upload, assignment or status buttons, an agent sees them
 * all; on a customer an analyst gets no "open complaint", "adjust points" or "send survey link", an
 * agent gets the complaint and survey actions but not the admins-only points adjustment; an analyst
 * sees the survey builder read-only without "Publish", an admin can publish. Screenshots land in
 * test-results/role-aware-actions-e2e/.
 */
import path from 'node:path'
import pointsMembership from '@rapport/plugin-points-membership/server'
import satisfactionSurvey from '@rapport/plugin-satisfaction-survey/server'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import complaintTracking from '../../plugins/complaint-tracking/server/index'
import { startE2eServer, type E2eServer } from './support/e2e-server'
import { launchBrowser } from './support/launch-browser'
import { type AxeFinding, describeFindings, seriousViolations } from './support/run-axe'
import { submitSignIn } from './support/submit-sign-in'
import { callApi } from './support/call-api'

const people = {
  analyst: { name: 'An Analyst', email: 'an.analyst@example.com', password: 'analyst-password-1', role: 'analyst' },
  agent: { name: 'Li Agent', email: 'li.agent@example.com', password: 'agent-password-1', role: 'agent' },
} as const

let server: E2eServer
let browser: Browser
let cookie = ''
let customerId = ''
let caseId = ''
let surveyId = ''
const findings: AxeFinding[] = []

/** Calls the API as the signed-in demo owner. */
const api = <T>(method: string, url: string, body?: unknown) => callApi<T>(server.url, cookie, method, url, body)

/** A page signed in as `who` through the form. */
async function signedIn(who: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  page.on('pageerror', (e) => { throw e })
  await page.goto(server.admin('/login'))
  await submitSignIn(page, who.email, who.password)
  await page.waitForURL(/\/admin\/customers$/)
  return page
}

const shot = async (page: Page, name: string) => {
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, .ant-skeleton').length === 0)
  await page.screenshot({ path: path.join(server.screenshots, `${name}.png`), fullPage: true })
  findings.push(...(await seriousViolations(page, name)))
}

/** What the case page offers: the buttons and fields of each action, counted. */
async function caseActions(page: Page) {
  await page.goto(server.admin(`/complaint-tracking/cases/${encodeURIComponent(caseId)}`))
  // The case page is headed by its category since 9e89eda (the id sits behind a copy button).
  await expect.poll(() => page.getByRole('heading', { level: 2, name: /^Complaint: / }).count()).toBeGreaterThan(0)
  await expect.poll(() => page.getByText('The lid does not close').count()).toBe(1)
  return {
    reply: await page.getByRole('button', { name: 'Send reply' }).count(),
    composer: await page.getByLabel('Message', { exact: true }).count(),
    upload: await page.getByLabel('Upload files').count(),
    assign: await page.getByRole('button', { name: 'Assign', exact: true }).count(),
    status: await page.getByRole('button', { name: /^Move to/ }).count(),
    resolve: await page.getByRole('button', { name: 'Resolve' }).count(),
    actionsCard: await page.getByText('Change status', { exact: true }).count(),
  }
}

/** The customer page's action toolbar, by the buttons' names. */
async function customerActions(page: Page): Promise<string[]> {
  await page.goto(server.admin(`/customers/${encodeURIComponent(customerId)}`))
  const toolbar = page.getByRole('toolbar')
  await expect.poll(() => toolbar.count()).toBe(1)
  // Each plugin's action loads lazily behind a spinner: wait until none shows, then until the set
  // stops changing (the first look never counts as settled, so an empty toolbar that is still
  // loading is not taken for an empty one).
  await expect.poll(() => toolbar.locator('[role="status"], .ant-spin').count()).toBe(0)
  let last: string | undefined
  await expect.poll(async () => {
    const now = (await toolbar.getByRole('button').allTextContents()).join('|')
    const settled = now === last
    last = now
    return settled
  }, { intervals: [500, 500, 500, 1000] }).toBe(true)
  return (await toolbar.getByRole('button').allTextContents()).map((s) => s.trim())
}

beforeAll(async () => {
  server = await startE2eServer({ name: 'role-aware-actions-e2e', demo: { customers: 8 }, plugins: [satisfactionSurvey, pointsMembership, complaintTracking] })
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ email: 'admin@example.com', password: 'rapport-demo' }),
  })
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
  for (const person of Object.values(people)) await api('POST', '/api/v1/users', person)
  customerId = (await api<{ items: Array<{ id: string }> }>('GET', '/api/v1/customers?limit=1')).items[0]!.id
  caseId = (await api<{ id: string }>('POST', '/api/p/complaint-tracking/cases', { customerId, category: 'other', description: 'The lid does not close' })).id
  surveyId = (await api<{ id: string }>('POST', '/api/p/satisfaction-survey/surveys', { name: 'After the visit', templateId: 'nps' })).id
  browser = await launchBrowser()
}, 240_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('actions by role, from the server’s route policies', () => {
  it('an analyst sees the complaint case without reply, upload, assignment or status actions', async () => {
    const page = await signedIn(people.analyst)
    expect(await caseActions(page)).toEqual({ reply: 0, composer: 0, upload: 0, assign: 0, status: 0, resolve: 0, actionsCard: 0 })
    await shot(page, 'case-analyst')
    const actions = await customerActions(page)
    expect(actions).not.toContain('Open complaint')
    expect(actions).not.toContain('Adjust points')
    expect(actions).not.toContain('Send survey link')
    await shot(page, 'customer-analyst')
    await page.goto(server.admin(`/satisfaction-survey/${encodeURIComponent(surveyId)}`))
    await expect.poll(() => page.getByText('Your role can view this survey, not edit or publish it.').count()).toBe(1)
    expect(await page.getByRole('button', { name: 'Publish' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Save draft' }).count()).toBe(0)
    await shot(page, 'survey-builder-analyst')
    await page.context().close()
  })

  it('an agent sees every case action, and the customer actions agents may take', async () => {
    const page = await signedIn(people.agent)
    const offered = await caseActions(page)
    expect(offered).toMatchObject({ reply: 1, composer: 1, upload: 1, assign: 1, resolve: 0, actionsCard: 1 })
    expect(offered.status).toBeGreaterThan(0)
    await shot(page, 'case-agent')
    const actions = await customerActions(page)
    expect(actions).toEqual(expect.arrayContaining(['Open complaint', 'Send survey link']))
    // Adjusting points is for owners and admins: the server would refuse an agent.
    expect(actions).not.toContain('Adjust points')
    await shot(page, 'customer-agent')
    await page.context().close()
  })

  it('the owner may publish the survey', async () => {
    const page = await signedIn({ email: 'admin@example.com', password: 'rapport-demo' })
    await page.goto(server.admin(`/satisfaction-survey/${encodeURIComponent(surveyId)}`))
    await expect.poll(() => page.getByRole('button', { name: 'Publish' }).count()).toBe(1)
    expect(await page.getByText('Your role can view this survey, not edit or publish it.').count()).toBe(0)
    await page.context().close()
  })

  it('has no serious or critical accessibility violations on any page shown', () => {
    expect(findings, describeFindings(findings)).toEqual([])
  })
})
