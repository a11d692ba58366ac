/**
 * The customer pages tell a customer why a link does not open them, in 中文 and English: a link
 * issued for another page (a survey link on the complaint page /c, a complaint link on the survey
 * page /s, a survey link on the member page /m) reads "this link is not for this page" (the API
 * answers 403 LINK_WRONG_PURPOSE), and a single-use link opened a second time reads "already used".
 * Screenshots land in test-results/customer-link-pages-e2e/.
 */
import path from 'node:path'
import complaintTracking from '../../plugins/complaint-tracking/server/index'
import pointsMembership from '@rapport/plugin-points-membership/server'
import satisfactionSurvey from '@rapport/plugin-satisfaction-survey/server'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureComplaintPagesBuild } from './support/ensure-complaint-pages-build'
import { ensurePointsPagesBuild } from './support/ensure-points-pages-build'
import { ensureSurveyPagesBuild } from './support/ensure-survey-pages-build'
import { startE2eServer, type E2eServer } from './support/e2e-server'
import { launchBrowser } from './support/launch-browser'
import { type AxeFinding, describeFindings, seriousViolations } from './support/run-axe'
import { callApi } from './support/call-api'

let server: E2eServer
let browser: Browser
let cookie = ''
let customerId = ''
let caseId = ''
const findings: AxeFinding[] = []

/** Calls the API as the signed-in demo owner. */
const api = <T>(method: string, url: string, body?: unknown) => callApi<T>(server.url, cookie, method, url, body)

const link = async (purpose: string, singleUse = false) =>
  (await api<{ token: string }>('POST', `/api/v1/customers/${customerId}/links`, { purpose, singleUse })).token

/** Opens `url` on a phone in `locale` and returns the text of the page's alert. */
async function alertOn(url: string, locale: 'en' | 'zh-CN', shotName: string): Promise<string> {
  // bypassCSP only lets axe be injected; the pages themselves run under their CSP.
  const context = await browser.newContext({ bypassCSP: true, locale, timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
  try {
    const page: Page = await context.newPage()
    page.on('pageerror', (e) => { throw e })
    await page.goto(`${server.url}${url}${url.includes('?') ? '&' : '?'}lang=${locale}`)
    const alert = page.getByRole('alert')
    await expect.poll(() => alert.count()).toBe(1)
    await page.screenshot({ path: path.join(server.screenshots, `${shotName}.png`), fullPage: true })
    findings.push(...(await seriousViolations(page, shotName)))
    return (await alert.textContent()) ?? ''
  } finally {
    await context.close()
  }
}

beforeAll(async () => {
  ensureComplaintPagesBuild()
  ensureSurveyPagesBuild()
  ensurePointsPagesBuild()
  server = await startE2eServer({ name: 'customer-link-pages-e2e', demo: { customers: 5 }, plugins: [satisfactionSurvey, pointsMembership, complaintTracking] })
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ email: 'admin@example.com', password: 'rapport-demo' }),
  })
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
  customerId = (await api<{ items: Array<{ id: string }> }>('GET', '/api/v1/customers?limit=1')).items[0]!.id
  caseId = (await api<{ id: string }>('POST', '/api/p/complaint-tracking/cases', { customerId, category: 'other', description: 'The lid does not close' })).id
  browser = await launchBrowser()
}, 240_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('customer pages with a link for another page', () => {
  it('the complaint page /c opened with a survey link says the link is not for this page', async () => {
    const surveyLink = await link('satisfaction-survey')
    const url = `/c/${encodeURIComponent(surveyLink)}/${encodeURIComponent(caseId)}`
    expect(await alertOn(url, 'en', 'complaint-page-survey-link-en')).toContain('This link is not for this page')
    expect(await alertOn(url, 'zh-CN', 'complaint-page-survey-link-zh')).toContain('此链接不是用来打开此页面的')
  })

  it('the survey page /s opened with a complaint link says the link is not for this page', async () => {
    const complaintLink = await link('complaint-tracking')
    const url = `/s/${encodeURIComponent(complaintLink)}`
    expect(await alertOn(url, 'en', 'survey-page-complaint-link-en')).toContain('This link is not for this page')
    expect(await alertOn(url, 'zh-CN', 'survey-page-complaint-link-zh')).toContain('此链接不是用来打开此页面的')
  })

  it('the member page /m opened with a survey link says the link is not for this page', async () => {
    const surveyLink = await link('satisfaction-survey')
    const url = `/m/${encodeURIComponent(surveyLink)}`
    expect(await alertOn(url, 'en', 'member-page-survey-link-en')).toContain('This link is not for this page')
    expect(await alertOn(url, 'zh-CN', 'member-page-survey-link-zh')).toContain('此链接不是用来打开此页面的')
  })

  it('a single-use link opened again says it was already used, on /c and /m', async () => {
    const complaintOnce = await link('complaint-tracking', true)
    const first = await fetch(`${server.url}/api/p/complaint-tracking/cases/${caseId}`, { headers: { 'x-rapport-link': complaintOnce } })
    expect(first.status).toBe(200)
    expect(await alertOn(`/c/${encodeURIComponent(complaintOnce)}/${encodeURIComponent(caseId)}`, 'zh-CN', 'complaint-page-used-link-zh')).toContain('该链接已被使用')
    const memberOnce = await link('points-membership', true)
    await fetch(`${server.url}/api/p/points-membership/me`, { headers: { 'x-rapport-link': memberOnce } })
    expect(await alertOn(`/m/${encodeURIComponent(memberOnce)}`, 'en', 'member-page-used-link-en')).toContain('This link was already used')
  })

  it('has no serious or critical accessibility violations on any page shown', () => {
    expect(findings, describeFindings(findings)).toEqual([])
  })
})
