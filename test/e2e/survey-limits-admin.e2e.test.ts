/**
 * Survey limits in the builder's settings tab, in English and 中文 (1440x900): the owner sets a daily
 * cap, a 50% sample and a quota of one response per answer to "Where did you buy?", saves, and the
 * counts show; a customer whose quota cell is full is told on the survey page (390x844) that the survey
 * is closed for them. Screenshots land in test-results/survey-limits-admin-e2e/.
 */
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot } from './support/ensure-admin-build'
import { ensureSurveyPagesBuild } from './support/ensure-survey-pages-build'
import { signInAsDemoOwner, startE2eServer, type E2eServer } from './support/e2e-server'
import { launchBrowser } from './support/launch-browser'
import { type AxeFinding, describeFindings, seriousViolations } from './support/run-axe'

const screenshots = path.join(repoRoot, 'test-results/survey-limits-admin-e2e')
const SURVEY = '/api/p/satisfaction-survey'
const json = { pages: [{ name: 'p1', elements: [
  { type: 'rating', name: 'nps', title: { default: 'Recommend us?', 'zh-cn': '推荐我们吗？' }, rateMin: 0, rateMax: 10, isRequired: true },
  { type: 'radiogroup', name: 'channel', title: { default: 'Where did you buy?', 'zh-cn': '您在哪里购买？' }, choices: ['store', 'web'] },
] }] }

let server: E2eServer
let browser: Browser
let page: Page
let surveyId = ''
const findings: AxeFinding[] = []

const api = <T>(url: string, method = 'GET', body?: unknown) => page.evaluate(async ([u, m, b]) => {
  const res = await fetch(u as string, { method: m as string, headers: { 'Content-Type': 'application/json' }, ...(b === null ? {} : { body: JSON.stringify(b) }) })
  return (await res.json()) as unknown
}, [url, method, body ?? null] as const) as Promise<T>
const shot = async (p: Page, name: string) => {
  await p.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, .ant-skeleton').length === 0)
  await p.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true })
  findings.push(...(await seriousViolations(p, name)))
}

beforeAll(async () => {
  ensureSurveyPagesBuild()
  server = await startE2eServer({ name: 'survey-limits-admin-e2e', demo: { customers: 5 } })
  browser = await launchBrowser()
  page = await (await browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } })).newPage()
  await signInAsDemoOwner(page, server)
  surveyId = (await api<{ id: string }>(`${SURVEY}/surveys`, 'POST', { name: '门店 NPS', json, scores: { nps: 'nps' } })).id
  await api(`${SURVEY}/surveys/${surveyId}/versions`, 'POST')
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('survey limits in the builder', () => {
  it('sets a daily cap, a sample and a quota per answer in English, and shows them in 中文', async () => {
    await page.goto(`${server.url}/admin/satisfaction-survey/${surveyId}`)
    await page.getByRole('tab', { name: 'Languages and theme' }).click()
    await page.getByLabel('Responses per day').fill('200')
    await page.getByLabel('Customers invited (%)').fill('50')
    await page.getByRole('button', { name: 'Add a quota' }).click()
    await page.getByLabel('Quota 1: question or field').click()
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /Where did you buy\?|您在哪里购买/ }).click()
    await page.getByLabel('Quota 1: at most').fill('1')
    await page.getByRole('button', { name: 'Save limits' }).click()
    await expect.poll(() => page.getByText('Limits saved').count()).toBeGreaterThan(0)
    const saved = await api<{ maxPerDay: number; samplePercent: number; quotas: unknown[] }>(`${SURVEY}/surveys/${surveyId}/limits`)
    expect(saved).toMatchObject({ maxPerDay: 200, samplePercent: 50, quotas: [{ source: 'answer', key: 'channel', max: 1 }] })
    await shot(page, 'limits-en')
    await page.getByRole('banner').getByText('中文').click()
    await expect.poll(() => page.getByText('回收限制').count()).toBeGreaterThan(0)
    expect(await page.getByLabel('每天回收上限').inputValue()).toBe('200')
    await shot(page, 'limits-zh')
  })

  it('tells a customer whose quota cell is full that the survey is closed for them', async () => {
    await api(`${SURVEY}/surveys/${surveyId}/limits`, 'PUT', { quotas: [{ source: 'answer', key: 'channel', max: 1 }] })
    const customers = (await api<{ items: { id: string }[] }>('/api/v1/customers?limit=2')).items
    const [first, second] = await Promise.all(customers.map((c) => api<{ url: string }>(`${SURVEY}/surveys/${surveyId}/invitations`, 'POST', { customerId: c.id, ignoreQuietPeriod: true })))
    const token = decodeURIComponent(first!.url.split('/s/')[1]!.split('?')[0]!)
    expect((await fetch(`${server.url}${SURVEY}/respond/${surveyId}/complete`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-rapport-link': token }, body: JSON.stringify({ answers: { nps: 9, channel: 'store' } }) })).status).toBe(201)
    for (const lang of ['en', 'zh-CN'] as const) {
      const phone = await (await browser.newContext({ bypassCSP: true, locale: lang, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage()
      await phone.goto(`${server.url}${second!.url}`)
      await phone.locator('.sd-rating__item', { hasText: /^\s*9\s*$/ }).click()
      await phone.getByText('store', { exact: true }).first().click()
      await phone.locator('.sd-navigation__complete-btn').click()
      await expect.poll(() => phone.locator('body').textContent()).toContain(lang === 'en' ? 'closed for you' : '现已对您关闭')
      await shot(phone, `quota-full-${lang}`)
      await phone.context().close()
    }
  })

  it('has no serious or critical accessibility violations', () => {
    expect(findings, describeFindings(findings)).toEqual([])
  })
})
