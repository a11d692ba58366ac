/**
 * A plugin's admin pages end to end, with tiering as the example: the real API server scores demo
 * customers, the menu offers tiering's overview while the plugin is enabled, the page draws its
 * charts and the ladder table from the plugin's API, reads in 中文, and goes away from the menu
 * the moment the plugin is disabled. Screenshots land in test-results/tiering-e2e/.
 */
import { mkdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startServer } from '@rapport/api'
import tiering from '@rapport/plugin-tiering/server'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureAdminBuild, repoRoot } from './support/ensure-admin-build'
import { launchBrowser } from './support/launch-browser'
import { submitSignIn } from './support/submit-sign-in'

const screenshots = path.join(repoRoot, 'test-results/tiering-e2e')
const dbFile = path.join(os.tmpdir(), `rapport-tiering-e2e-${process.pid}-${Date.now()}.db`)

let server: { url: string; close(): Promise<void> }
let browser: Browser
let page: Page

const admin = (p = '') => `${server.url}/admin${p}`
const menuItem = (name: string) => page.getByRole('navigation').getByRole('link', { name })

/** Calls the API with the page's own session (same origin, so the CSRF check passes). */
const api = <T>(method: string, url: string) =>
  page.evaluate(async ([m, u]) => (await (await fetch(u!, { method: m })).json()) as unknown, [method, url]) as Promise<T>

const shot = async (name: string) => {
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, .ant-skeleton').length === 0)
  await page.waitForTimeout(600) // chart animations
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true })
}

beforeAll(async () => {
  ensureAdminBuild()
  mkdirSync(screenshots, { recursive: true })
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: dbFile,
    secret: 'tiering-e2e-secret-at-least-32-characters-long',
    demo: { customers: 80 },
    logLevel: 'warn',
    plugins: [tiering],
  })
  browser = await launchBrowser()
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } })
  page = await context.newPage()
  await page.goto(admin('/login'))
  await submitSignIn(page, 'admin@example.com', 'rapport-demo')
  await page.waitForURL(/\/admin\/customers$/)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true })
})

describe('tiering admin pages', () => {
  it('opens the overview from the menu and draws the tiers, segments, recency and ladder', async () => {
    await menuItem('Tiers and ladder').click()
    await page.waitForURL(/\/admin\/tiering$/)
    await expect.poll(() => page.getByRole('heading', { name: 'Tiers and ladder', level: 2 }).count()).toBe(1)
    for (const chart of ['Customers per value tier', 'Customers per recency status', 'Customers per RFM segment', 'Customer ladder funnel']) {
      await expect.poll(() => page.getByRole('img', { name: chart }).locator('canvas').count(), { timeout: 15_000 }).toBe(1)
    }
    const funnel = await api<{ steps: { step: string; count: number; reached: number }[] }>('GET', '/api/p/tiering/funnel')
    const rows = page.locator('main tr.ant-table-row')
    await expect.poll(() => rows.count()).toBe(funnel.steps.length)
    const firstTime = funnel.steps.find((s) => s.step === 'firstTime')!
    await expect.poll(() => rows.filter({ hasText: 'First-time' }).textContent()).toContain(String(firstTime.reached))
    const distribution = await api<{ total: number }>('GET', '/api/p/tiering/distribution')
    expect(distribution.total).toBeGreaterThan(0)
    await expect.poll(() => page.locator('main .ant-statistic').first().textContent()).toContain(distribution.total.toLocaleString('en-US'))
    await shot('overview-en')
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
})
