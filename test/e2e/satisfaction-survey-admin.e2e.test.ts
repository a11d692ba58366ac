/**
 * satisfaction-survey's admin pages end to end: an admin builds an NPS survey from blank in our own
 * builder (an NPS rating and a comment shown only when nps <= 6, titles in both languages, the NPS
 * score mark), publishes it, creates a customer link for a demo customer; the customer answers
 * through the calls the customer page makes (`x-rapport-link`); the admin sees the response in the
 * results dashboard and its detail, and the customer's profile holds `satisfaction.lastNps`.
 * Screenshots land in test-results/satisfaction-survey-e2e/.
 */
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot } from './support/ensure-admin-build'
import { signInAsDemoOwner, startE2eServer, type E2eServer } from './support/e2e-server'
import { launchBrowser } from './support/launch-browser'

const screenshots = path.join(repoRoot, 'test-results/satisfaction-survey-e2e')

let server: E2eServer
let browser: Browser
let page: Page
let surveyId = ''
let customer: { id: string; name: string | null; externalId: string }
let token = ''

const admin = (p = '') => `${server.url}/admin${p}`
const main = () => page.locator('main')

/** Calls the API with the page's own session (same origin, so the CSRF check passes). */
const api = <T>(method: string, url: string) =>
  page.evaluate(async ([m, u]) => (await (await fetch(u!, { method: m })).json()) as unknown, [method, url]) as Promise<T>

const shot = async (name: string) => {
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, .ant-skeleton').length === 0)
  await page.waitForTimeout(500) // chart animations
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true })
}

/** Picks `label` in the antd select labelled `name`. */
const choose = async (name: string, label: string) => {
  await main().getByLabel(name, { exact: true }).click()
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: label }).first().click()
}

beforeAll(async () => {
  server = await startE2eServer({ name: 'satisfaction-survey-e2e', demo: { customers: 30 } })
  browser = await launchBrowser()
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1440, height: 1000 } })
  page = await context.newPage()
  await signInAsDemoOwner(page, server)
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('satisfaction-survey admin pages', () => {
  it('builds an NPS survey from blank with a show-if comment and publishes it', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Surveys' }).click()
    await page.waitForURL(/\/admin\/satisfaction-survey$/)
    await main().getByRole('button', { name: 'New survey' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('Survey name').fill('Store NPS')
    await expect.poll(() => dialog.getByText('Net Promoter Score').count()).toBe(1) // the server's templates are offered
    await dialog.getByRole('button', { name: 'Create and open the builder' }).click()
    await page.waitForURL(/\/admin\/satisfaction-survey\/[^/]+$/)
    surveyId = decodeURIComponent(page.url().split('/').at(-1)!)

    // Add the NPS rating (it opens for editing), name it, title it in both languages, mark it.
    await choose('Add a question…', 'Rating')
    await main().getByLabel('Question name').fill('nps')
    await main().getByLabel('Title (Chinese (简体中文))').fill('您有多大可能向朋友推荐我们？')
    await main().getByLabel('Title (English)').fill('How likely are you to recommend us?')
    await main().getByRole('radio', { name: 'NPS 0–10' }).check()
    await main().getByText('Required', { exact: true }).click()
    await choose('Score this question feeds', 'NPS (Net Promoter Score)')
    await main().getByRole('button', { name: 'Move nps up' }).click()
    expect(await main().locator('[data-question]').evaluateAll((items) => items.map((li) => li.getAttribute('data-question')))).toEqual(['nps', 'question1'])

    // The blank survey's comment becomes the reason, shown only to detractors.
    await main().getByRole('button', { name: 'question1', exact: true }).click()
    await main().getByLabel('Question name').fill('reason')
    await main().getByLabel('Title (Chinese (简体中文))').fill('请告诉我们原因')
    await main().getByLabel('Title (English)').fill('What should we improve?')
    await main().getByText('Show this question only when…').click()
    await expect.poll(() => main().getByText('{nps} <= 6').count()).toBe(1)

    // The live preview draws the survey in the chosen language.
    const preview = main().getByRole('region', { name: 'Live preview' })
    await expect.poll(() => preview.getByText('How likely are you to recommend us?').count(), { timeout: 15_000 }).toBeGreaterThan(0)
    await main().locator('label.ant-radio-button-wrapper').filter({ hasText: 'Chinese (简体中文)' }).click() // antd hides a button-style radio's input behind its label
    await expect.poll(() => preview.getByText('您有多大可能向朋友推荐我们？').count(), { timeout: 10_000 }).toBeGreaterThan(0)

    await main().getByRole('button', { name: 'Save draft' }).click()
    await expect.poll(() => page.getByText('Draft saved').count()).toBeGreaterThan(0)
    await main().getByRole('button', { name: 'Publish' }).click()
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Publish' }).click()
    await expect.poll(() => main().getByText('Published v1').count()).toBeGreaterThan(0)
    await expect.poll(() => main().getByText(/Version 1 is published and read-only/).count()).toBe(1)
    const stored = await api<{ json: { pages: { elements: { name: string; visibleIf?: string; title: Record<string, string> }[] }[] }; scores: { nps?: string } }>('GET', `/api/p/satisfaction-survey/surveys/${surveyId}`)
    expect(stored.scores).toEqual({ nps: 'nps' })
    const [nps, reason] = stored.json.pages[0]!.elements
    expect(nps).toMatchObject({ name: 'nps', type: 'rating', rateMin: 0, rateMax: 10, isRequired: true, title: { default: 'How likely are you to recommend us?', 'zh-cn': '您有多大可能向朋友推荐我们？' } })
    expect(reason).toMatchObject({ name: 'reason', type: 'comment', visibleIf: '{nps} <= 6' })
    await shot('builder-en')
  })

  it('shows the server’s issues with their paths when the JSON is refused', async () => {
    await main().getByRole('tab', { name: 'JSON' }).click()
    const editor = main().getByLabel('SurveyJS JSON')
    await editor.fill('{ "pages": [ { "name": "p", "elements": [ { "type": "slider", "name": "x" } ] } ] ')
    await main().getByRole('button', { name: 'Apply JSON' }).click()
    await expect.poll(() => main().getByRole('alert').filter({ hasText: 'This is not valid JSON' }).count()).toBe(1)
    await editor.fill('{ "pages": [ { "name": "p", "elements": [ { "type": "slider", "name": "x" } ] } ] }')
    await main().getByRole('button', { name: 'Apply JSON' }).click()
    await main().getByRole('button', { name: 'Save draft' }).click()
    const issues = main().getByRole('alert').filter({ hasText: 'fix the problems listed below' })
    await expect.poll(() => issues.textContent()).toContain('pages[0].elements[0].type')
    await shot('builder-json-issues-en')
    await page.reload() // drop the refused edit; the draft on the server is unchanged
  })

  it('creates a customer link for a demo customer and lists the invitation', async () => {
    customer = await page.evaluate(async () => ((await (await fetch('/api/v1/customers?limit=1')).json()) as { items: { id: string; name: string | null; externalId: string }[] }).items[0]!)
    await main().getByRole('menuitem', { name: 'Distribution' }).click()
    await page.waitForURL(/\/distribution$/)
    await main().getByLabel('Customer', { exact: true }).click()
    await main().getByLabel('Customer', { exact: true }).fill(customer.externalId)
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: customer.externalId }).first().click()
    await main().getByRole('button', { name: 'Create link' }).click()
    const link = main().getByTestId('customer-link')
    await expect.poll(() => link.count()).toBe(1)
    const url = (await link.textContent())!.trim()
    expect(url).toMatch(new RegExp(`^${server.url}/s/[^/]+$`))
    token = url.split('/s/')[1]!
    // The invitation names its customer: the name from core, or the external id when there is none.
    await expect.poll(() => main().locator('tr.ant-table-row').filter({ hasText: customer.name ?? customer.externalId }).filter({ hasText: 'Created' }).count()).toBe(1)
    await shot('distribution-en')
  })

  it('takes the customer’s answer through the customer page API', async () => {
    // The customer has no admin session: plain requests carrying only the link.
    const headers = { 'x-rapport-link': token, 'content-type': 'application/json' }
    const form = await fetch(`${server.url}/api/p/satisfaction-survey/respond?locale=en`, { headers })
    expect(form.status).toBe(200)
    expect(((await form.json()) as { surveyId: string }).surveyId).toBe(surveyId)
    const done = await fetch(`${server.url}/api/p/satisfaction-survey/respond/${surveyId}/complete`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ answers: { nps: 4, reason: 'Delivery took too long' }, locale: 'en' }),
    })
    expect(done.status).toBe(201)
  })

  it('shows the response in the results dashboard and its detail, and the profile holds the score', async () => {
    await main().getByRole('menuitem', { name: 'Results' }).click()
    await page.waitForURL(/\/results$/)
    await expect.poll(() => main().getByRole('img', { name: 'NPS over time' }).locator('canvas').count(), { timeout: 15_000 }).toBe(1)
    await expect.poll(() => main().getByText('Detractors: 1 (100%)').count()).toBe(1)
    const row = main().locator('tr.ant-table-row').filter({ hasText: customer.name ?? customer.externalId })
    await expect.poll(() => row.count()).toBe(1)
    await main().getByLabel('Search', { exact: true }).fill('delivery')
    await expect.poll(() => main().getByText('Delivery took too long').count()).toBeGreaterThan(0)
    await shot('results-en')

    await row.getByRole('link').first().click()
    await page.waitForURL(/\/satisfaction-survey\/responses\//)
    await expect.poll(() => main().getByText('Delivery took too long').count(), { timeout: 15_000 }).toBeGreaterThan(0)
    await shot('response-en')

    const lastNps = await api<{ value: unknown }>('GET', `/api/v1/customers/${customer.id}/explain?field=satisfaction.lastNps`)
    expect(lastNps.value).toBe(4)
    await page.goto(admin(`/customers/${encodeURIComponent(customer.id)}`))
    await expect.poll(() => main().textContent(), { timeout: 10_000 }).toContain('Answered a survey (NPS 4)')
    await shot('customer-en')
  })

  it('reads in 中文: list, builder and results', async () => {
    await page.getByRole('banner').getByText('中文').click()
    await page.goto(admin('/satisfaction-survey'))
    await expect.poll(() => main().getByRole('heading', { name: '满意度调查', level: 2 }).count()).toBe(1)
    // The demo seeds published surveys of its own: look at this test's survey's row.
    const row = main().locator('tr.ant-table-row').filter({ has: page.getByRole('link', { name: 'Store NPS', exact: true }) })
    await expect.poll(() => row.count()).toBe(1)
    await expect.poll(() => row.getByText('已发布 v1').count()).toBe(1)
    await shot('list-zh')
    await page.goto(admin(`/satisfaction-survey/${surveyId}`))
    await main().getByRole('button', { name: '您有多大可能向朋友推荐我们？' }).click()
    await expect.poll(() => main().getByText('此题计入的指标').count()).toBe(1)
    await shot('builder-zh')
    await page.goto(admin(`/satisfaction-survey/${surveyId}/results`))
    await expect.poll(() => main().getByText('贬损者: 1 (100%)').count(), { timeout: 15_000 }).toBe(1)
    await shot('results-zh')
  })
})
