/**
 * The admin story of issue 10, on the demo data, in one walk: a shop with two years of orders has
 * tiering installed but never switched on. The owner signs in, enables tiering (it catches up on
 * the past orders), sees the tiers on the dashboard, opens a Diamond customer, reads why they are
 * Diamond, sends them a survey link, and switches the admin to 中文. Screenshots of every step land
 * in test-results/admin-story-e2e/.
 */
import path from 'node:path'
import satisfactionSurvey from '@rapport/plugin-satisfaction-survey/server'
import tiering from '@rapport/plugin-tiering/server'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startE2eServer, signInAsDemoOwner, type E2eServer } from './support/e2e-server'
import { launchBrowser } from './support/launch-browser'

let server: E2eServer
let browser: Browser
let page: Page
type Json = Record<string, any>

/** Calls the API with the page's own session (same origin, so the CSRF check passes). */
const call = <T = Json>(method: string, url: string, body?: unknown) =>
  page.evaluate(async ([m, u, b]) => {
    const res = await fetch(u as string, { method: m as string, ...(b === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) }) })
    return (await res.json()) as unknown
  }, [method, url, body] as const) as Promise<T>

const menu = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true })
const tierValue = () => page.locator('[data-plugin-fields="tiering"] [data-field="tiering.tier"]')

let step = 0
const shot = async (name: string) => {
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, .ant-skeleton').length === 0)
  await page.waitForTimeout(600) // chart and popover animations
  step += 1
  await page.screenshot({ path: path.join(server.screenshots, `${String(step).padStart(2, '0')}-${name}.png`), fullPage: true })
}

/** The Diamond customer the story opens. */
let diamond: { id: string; externalId: string }

beforeAll(async () => {
  server = await startE2eServer({ name: 'admin-story-e2e', demo: { customers: 120 }, plugins: [tiering, satisfactionSurvey], neverEnabled: ['tiering'] })
  browser = await launchBrowser()
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } })
  page = await context.newPage()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await page?.screenshot({ path: path.join(server.screenshots, `failed-${task.name.replace(/\W+/g, '-')}.png`), fullPage: true })
})

describe('the admin story on the demo data', () => {
  it('signs in and enables tiering, which tiers the customers from their past orders', async () => {
    await signInAsDemoOwner(page, server)
    expect((await call('GET', '/api/v1/customers?limit=1&filter=tiering.tier:exists')).items).toHaveLength(0)
    await menu('Plugins').click()
    await page.waitForURL(/\/admin\/plugins$/)
    const row = page.locator('main tr.ant-table-row').filter({ has: page.getByRole('link', { name: 'tiering', exact: true }) })
    await row.getByText('Disabled', { exact: true }).waitFor()
    await shot('plugins-tiering-off')

    await page.getByRole('switch', { name: 'Enable tiering' }).click()
    await page.getByText('tiering is enabled').waitFor({ timeout: 60_000 })
    await row.locator('.ant-tag-green').filter({ hasText: 'Active' }).waitFor()
    const diamonds = await call('GET', '/api/v1/customers?limit=100&filter=tiering.tier:eq:diamond')
    expect(diamonds.items.length).toBeGreaterThan(0)
    diamond = diamonds.items[0]
    await shot('plugins-tiering-on')
  })

  it('sees the tiers on the dashboard', async () => {
    await menu('Dashboard').click()
    await page.waitForURL(/\/admin\/dashboard$/)
    const widget = page.locator('[data-widget="tiering/tiers"]')
    await expect.poll(() => widget.locator('canvas').count(), { timeout: 20_000 }).toBe(1)
    const distribution = await call('GET', '/api/p/tiering/distribution')
    expect(distribution.tiers.find((t: Json) => t.key === 'diamond').count).toBeGreaterThan(0)
    await shot('dashboard')
  })

  it('opens a Diamond customer and reads why they are Diamond', async () => {
    await menu('Customers').click()
    await page.getByRole('searchbox', { name: 'Search customers' }).fill(diamond.externalId)
    const rows = page.locator('main tr.ant-table-row')
    await expect.poll(() => rows.count()).toBe(1)
    await rows.first().locator('td').nth(2).click()
    await page.waitForURL((url) => url.pathname === `/admin/customers/${diamond.id}`)
    await expect.poll(() => tierValue().textContent()).toBe('Diamond')

    await page.getByRole('button', { name: 'Why does Value tier have this value?' }).click()
    const changes = page.locator('.ant-popover:not(.ant-popover-hidden) [data-testid="why-changes"] li')
    await expect.poll(() => changes.count()).toBeGreaterThan(0)
    const explained = await call('GET', `/api/v1/customers/${diamond.id}/explain?field=tiering.tier`)
    const latest = explained.changes[explained.changes.length - 1]
    expect(latest.value ?? latest.to ?? 'diamond').toBe('diamond')
    expect(await changes.first().textContent()).toContain(latest.source.id)
    await shot('customer-why-diamond')
    await page.keyboard.press('Escape')

    // The whole reason: where the customer's spend ranks, against which cut points.
    await page.getByRole('toolbar', { name: 'Customer actions' }).getByRole('button', { name: 'Why this tier' }).click()
    await page.waitForURL((url) => url.pathname === `/admin/tiering/customers/${diamond.id}`)
    await expect.poll(() => page.getByText('The value earns Diamond.').count()).toBe(1)
    expect(await page.locator('main').textContent()).toMatch(/\d+ of \d+ spending customers spend more; the tiers take the top 20% \/ next 30% \/ next 30% \/ last 20%\./)
    await shot('tier-explained')
    await page.goBack()
    await page.waitForURL((url) => url.pathname === `/admin/customers/${diamond.id}`)
  })

  it('sends them a survey link', async () => {
    const survey = await call('POST', '/api/p/satisfaction-survey/surveys', { name: 'Diamond care NPS', templateId: 'nps' })
    await call('POST', `/api/p/satisfaction-survey/surveys/${survey.id}/versions`)
    await page.reload()
    await page.getByRole('toolbar', { name: 'Customer actions' }).getByRole('button', { name: 'Send survey link' }).click()
    await page.getByRole('combobox', { name: 'Survey' }).click()
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: 'Diamond care NPS' }).first().click()
    await page.getByRole('dialog').getByRole('button', { name: 'Create link' }).click()
    const link = page.getByTestId('customer-survey-link')
    await expect.poll(() => link.count()).toBe(1)
    expect((await link.textContent())!.trim()).toMatch(new RegExp(`^${server.url}/s/[^/]+$`))
    const invitations = await call('GET', `/api/p/satisfaction-survey/invitations?customerId=${diamond.id}`)
    expect(invitations.items.some((i: Json) => i.surveyId === survey.id)).toBe(true)
    await shot('survey-link')
    await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click()
  })

  it('switches the admin to 中文', async () => {
    await page.getByRole('banner').getByText('中文').click()
    await expect.poll(() => tierValue().textContent()).toBe('金钻')
    await expect.poll(() => menu('客户').count()).toBe(1)
    await shot('customer-zh-CN')
    await menu('仪表盘').click()
    await expect.poll(() => page.locator('[data-widget="tiering/tiers"]').locator('canvas').count(), { timeout: 20_000 }).toBe(1)
    await shot('dashboard-zh-CN')
  })
})
