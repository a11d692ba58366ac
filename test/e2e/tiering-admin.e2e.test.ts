/**
 * A plugin's admin pages end to end, with tiering as the example: the real API server scores demo
 * customers, the menu offers tiering's overview while the plugin is enabled, the page draws its
 * charts and the ladder table from the plugin's API, reads in 中文, and goes away from the menu
 * the moment the plugin is disabled. Screenshots land in test-results/tiering-e2e/.
 */
import path from 'node:path'
import tiering from '@rapport/plugin-tiering/server'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot } from './support/ensure-admin-build'
import { signInAsDemoOwner, startE2eServer, type E2eServer } from './support/e2e-server'
import { launchBrowser } from './support/launch-browser'

const screenshots = path.join(repoRoot, 'test-results/tiering-e2e')

let server: E2eServer
let browser: Browser
let page: Page

const admin = (p = '') => `${server.url}/admin${p}`
const menuItem = (name: string) => page.getByRole('navigation').getByRole('link', { name })

/** Calls the API with the page's own session (same origin, so the CSRF check passes). */
const api = <T>(method: string, url: string) =>
  page.evaluate(async ([m, u]) => (await (await fetch(u!, { method: m })).json()) as unknown, [method, url]) as Promise<T>

/** A chart of the kit is drawn: a canvas inside the image named `label`. */
const chartDrawn = (label: string) => expect.poll(() => page.getByRole('img', { name: label, exact: true }).locator('canvas').count(), { timeout: 15_000 }).toBeGreaterThan(0)
/** The card whose title is exactly `title`. */
const card = (title: string) => page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title').getByText(title, { exact: true }) })
type Distribution = { total: number; tiers: { key: string; count: number }[] }

const shot = async (name: string) => {
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, .ant-skeleton').length === 0)
  await page.waitForTimeout(600) // chart animations
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true })
}

beforeAll(async () => {
  server = await startE2eServer({ name: 'tiering-e2e', demo: { customers: 80 }, plugins: [tiering] })
  browser = await launchBrowser()
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } })
  page = await context.newPage()
  await signInAsDemoOwner(page, server)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('tiering admin pages', () => {
  it('opens the overview from the menu and draws the tiers, segments, recency and ladder', async () => {
    await menuItem('Tiers and ladder').click()
    await page.waitForURL(/\/admin\/tiering$/)
    await expect.poll(() => page.getByRole('heading', { name: 'Tiers and ladder', level: 2 }).count()).toBe(1)
    for (const chart of ['Customers per value tier', 'Customers per recency status', 'Customers per RFM segment', 'Customer ladder funnel']) {
      await expect.poll(() => page.getByRole('img', { name: chart, exact: true }).locator('canvas').count(), { timeout: 15_000 }).toBe(1)
    }
    const funnel = await api<{ steps: { step: string; count: number; reached: number }[] }>('GET', '/api/p/tiering/funnel')
    const rows = card('Customer ladder').locator('tr.ant-table-row')
    await expect.poll(() => rows.count()).toBe(funnel.steps.length)
    const firstTime = funnel.steps.find((s) => s.step === 'firstTime')!
    await expect.poll(() => rows.filter({ hasText: 'First-time' }).textContent()).toContain(String(firstTime.reached))
    const distribution = await api<{ total: number }>('GET', '/api/p/tiering/distribution')
    expect(distribution.total).toBeGreaterThan(0)
    await expect.poll(() => page.locator('main .ant-statistic').first().textContent()).toContain(distribution.total.toLocaleString('en-US'))
    await shot('overview-en')
  })

  it('draws tiers over time by day, week and month, the segment table with revenue share and the R × F heatmap', async () => {
    await chartDrawn('Customers per value tier over time')
    await chartDrawn('Customers per recency and frequency score')
    const segments = await api<{ segments: { key: string; count: number; revenueShare: number }[] }>('GET', '/api/p/tiering/analytics/segments')
    const segmentRows = card('Segment sizes and revenue share').locator('tr.ant-table-row')
    await expect.poll(() => segmentRows.count()).toBe(segments.segments.length)
    const champions = segments.segments.find((x) => x.key === 'champions')!
    await expect.poll(() => segmentRows.filter({ hasText: 'Champions' }).textContent()).toContain(`${(champions.revenueShare * 100).toFixed(1)}%`)
    const byDay = page.waitForResponse((res) => res.url().includes('/analytics/over-time') && res.url().includes('interval=day'))
    await page.getByRole('radiogroup', { name: 'Period' }).getByText('Day', { exact: true }).click()
    expect((await byDay).status()).toBe(200)
    await page.getByRole('radiogroup', { name: 'Count' }).getByText('Ladder steps', { exact: true }).click()
    await chartDrawn('Customers per ladder step over time')
    await page.getByRole('radiogroup', { name: 'Period' }).getByText('Month', { exact: true }).click()
    await chartDrawn('Customers per ladder step over time')
    await shot('overview-charts-en')
  })

  it('shows the tier migration between two dates as a matrix and a sankey', async () => {
    await menuItem('Tier migration').click()
    await page.waitForURL(/\/admin\/tiering\/migration$/)
    // One range picker: type the first day, Enter moves to the last, Enter applies the range.
    const start = page.locator('#tiering-migration-from')
    await start.click()
    await start.fill('2000-01-01')
    await start.press('Enter')
    const to = new Date().toISOString().slice(0, 10)
    const end = page.locator('#tiering-migration-from-end')
    await end.fill(to)
    await end.press('Enter')
    const expected = await api<{ matrix: { from: string; to: string; count: number }[]; moved: number }>('GET', `/api/p/tiering/analytics/migration?from=2000-01-01T23:59:59.999Z&to=${to}T23:59:59.999Z`)
    const matrix = page.locator('table').filter({ has: page.getByText('Rows: state on the from date; columns: state on the to date') })
    const none = matrix.locator('tr.ant-table-row').filter({ hasText: 'Not yet tiered' })
    const cells = expected.matrix.filter((m) => m.from === 'none').map((m) => String(m.count))
    await expect.poll(async () => (await none.locator('td').allTextContents()).slice(1)).toEqual(cells)
    await expect.poll(() => page.locator('main .ant-statistic').first().textContent()).toContain(String(expected.moved))
    await chartDrawn('Customer flows between the two dates')
    await shot('migration-en')
  })

  it('previews a change to the percentiles, refuses a bad one on its field, saves, and re-evaluates into a new distribution', async () => {
    const before = await api<Distribution>('GET', '/api/p/tiering/distribution')
    await menuItem('Tier settings').click()
    await page.waitForURL(/\/admin\/tiering\/settings$/)
    const percentile = (tier: string) => page.getByRole('spinbutton', { name: tier, exact: true })
    // The default 可能 possible step is one "any of" group: a member or a survey answered.
    await expect.poll(() => card('Possible · Condition 1 · Any of').last().getByRole('group').count()).toBe(2)
    await percentile('Iron').fill('40')
    await page.getByRole('button', { name: 'Preview' }).click()
    await expect.poll(() => page.locator('.ant-form-item-explain-error').allTextContents()).toContain('Tier percentiles must sum to 100, not 120')
    await percentile('Diamond').fill('10')
    await percentile('Iron').fill('30')
    const save = page.getByRole('button', { name: 'Save' })
    expect(await save.isDisabled()).toBe(true)
    await page.getByRole('button', { name: 'Preview' }).click()
    const preview = page.getByTestId('tiering-preview')
    await expect.poll(() => preview.count()).toBe(1)
    const moved = Number((await preview.locator('.ant-statistic-content-value').first().textContent())?.replace(/\D/g, ''))
    expect(moved).toBeGreaterThan(0)
    await expect.poll(() => preview.locator('tr.ant-table-row').filter({ hasText: 'Diamond' }).first().locator('a').count()).toBeGreaterThan(0)
    await shot('settings-preview-en')
    await save.click()
    await expect.poll(() => page.getByText('Settings saved.', { exact: false }).count()).toBeGreaterThan(0)
    const { config } = await api<{ config: { tiers: { percentiles: Record<string, number> } } }>('GET', '/api/v1/plugins/tiering')
    expect(config.tiers.percentiles).toEqual({ diamond: 10, silver: 30, bronze: 30, iron: 30 })
    await page.getByRole('button', { name: 'Re-evaluate now' }).click()
    await expect.poll(() => page.getByText(/^Re-evaluated \d+ customers/).count(), { timeout: 30_000 }).toBe(1)
    const after = await api<Distribution>('GET', '/api/p/tiering/distribution')
    const diamonds = (d: Distribution) => d.tiers.find((x) => x.key === 'diamond')!.count
    expect(diamonds(after)).toBeLessThan(diamonds(before))
    await shot('settings-reevaluated-en')
  })

  it("explains a demo customer's tier, RFM scores, segment rule, recency and ladder conditions", async () => {
    const customers = await api<{ items: { id: string }[] }>('GET', '/api/v1/customers?limit=50')
    let id = ''
    let known: { tier: string | null; history: unknown[] } | undefined
    for (const c of customers.items) {
      const body = await api<{ tier?: string | null; history?: unknown[] }>('GET', `/api/p/tiering/customers/${c.id}`)
      if (body.tier) { id = c.id; known = body as { tier: string; history: unknown[] }; break }
    }
    expect(id).not.toBe('')
    await menuItem('Tiers and ladder').click()
    await page.getByLabel('Customer id').fill(id)
    await page.getByRole('button', { name: 'Explain', exact: true }).click()
    await page.waitForURL(new RegExp(`/admin/tiering/customers/${id}$`))
    const tierName = { diamond: 'Diamond', silver: 'Silver', bronze: 'Bronze', iron: 'Iron' }[known!.tier as 'diamond']
    await expect.poll(() => page.getByTestId('explain-tier').textContent()).toBe(tierName)
    await expect.poll(() => card('RFM scores').locator('tr.ant-table-row').count()).toBe(3)
    await expect.poll(() => card('RFM scores').textContent()).toMatch(/Matched rule|No rule matched/)
    await expect.poll(() => card('Why this tier').textContent()).toContain(`The value earns ${tierName}`)
    await expect.poll(() => card('Ladder conditions').locator('code').filter({ hasText: 'tiering.orders' }).count()).toBeGreaterThan(0)
    await expect.poll(() => card('Tier history').locator('tr.ant-table-row').count()).toBe(known!.history.length)
    await shot('explain-en')
    await menuItem('Tiers and ladder').click()
    await page.waitForURL(/\/admin\/tiering$/)
  })

  it('reads in 中文 with the seed names of tiers and ladder steps', async () => {
    await page.getByRole('banner').getByText('中文').click()
    await expect.poll(() => page.getByRole('heading', { name: '等级与阶梯', level: 2 }).count()).toBe(1)
    await expect.poll(() => page.locator('main').textContent()).toContain('金钻')
    await expect.poll(() => page.locator('main tr.ant-table-row').filter({ hasText: '拥护者' }).count()).toBe(1)
    await shot('overview-zh')
  })

  it("shows tiering's widget on the dashboard and narrows it to a segment in one request", async () => {
    await menuItem('仪表盘').click()
    await page.waitForURL(/\/admin\/dashboard$/)
    const card = page.locator('[data-widget="tiering/tiers"]')
    await expect.poll(() => card.getByRole('img', { name: '各价值等级客户数' }).locator('canvas').count(), { timeout: 15_000 }).toBe(1)
    await shot('dashboard-zh')
    const narrowed = page.waitForResponse((res) => res.url().includes('/api/v1/dashboard') && res.url().includes('filter='))
    await page.getByRole('button', { name: '添加条件' }).click()
    await page.getByRole('combobox', { name: '画像字段' }).click()
    await page.locator('.ant-select-item-option').filter({ hasText: '(tiering.tier)' }).click()
    const body = (await (await narrowed).json()) as { filtered: boolean; widgets: { plugin: string; data: { tiers: { key: string; count: number }[] } }[] }
    expect(body.filtered).toBe(true)
    const tiers = body.widgets.find((w) => w.plugin === 'tiering')!.data.tiers
    expect(tiers.filter((tier) => tier.count > 0).map((tier) => tier.key)).toEqual(['diamond'])
    await shot('dashboard-segment-zh')
  })

  it('drops the page from the menu while the plugin is disabled, and says so on a direct visit', async () => {
    await api('POST', '/api/v1/plugins/tiering/disable')
    await page.goto(admin('/tiering'))
    await expect.poll(() => page.locator('main').textContent()).toContain('已停用')
    expect(await menuItem('等级与阶梯').count()).toBe(0)
    await shot('disabled-zh')
    await api('POST', '/api/v1/plugins/tiering/enable')
    await page.reload()
    await expect.poll(() => menuItem('等级与阶梯').count()).toBe(1)
  })

  it('reads the migration, settings and explain pages in 中文', async () => {
    await menuItem('等级迁移').click()
    await page.getByLabel('起始日期').fill('2000-01-01')
    await chartDrawn('两个日期之间的客户流向')
    await expect.poll(() => page.locator('main').textContent()).toContain('尚未分级')
    await shot('migration-zh')
    await menuItem('等级设置').click()
    await expect.poll(() => page.getByRole('spinbutton', { name: '金钻', exact: true }).count()).toBe(1)
    await page.getByRole('spinbutton', { name: '金钻', exact: true }).fill('20')
    await page.getByRole('spinbutton', { name: '铁', exact: true }).fill('20')
    await page.getByRole('button', { name: '预览' }).click()
    await expect.poll(() => page.getByTestId('tiering-preview').textContent()).toContain('将变动')
    await shot('settings-preview-zh')
    const customers = await api<{ items: { id: string }[] }>('GET', '/api/v1/customers?limit=5')
    await page.goto(admin(`/tiering/customers/${customers.items[0]!.id}`))
    await expect.poll(() => page.getByRole('heading', { name: '该客户为何处于当前位置', level: 2 }).count()).toBe(1)
    await expect.poll(() => page.locator('main').textContent()).toContain('阶梯条件')
    await shot('explain-zh')
  })
})
