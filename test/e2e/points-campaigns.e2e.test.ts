/**
 * points-membership's campaign pages end to end (issue 25 item 3): against the real server with
 * demo orders, an admin sees the campaigns in the list and on the calendar, opens the form, runs
 * the impact preview before saving (orders replayed, customers affected, points, liability) and
 * saves; in English and 中文, at 1440×900 and 390×844. Screenshots land in test-results/points-campaigns-e2e/.
 */
import path from 'node:path'
import pointsMembership from '@rapport/plugin-points-membership/server'
import tiering from '@rapport/plugin-tiering/server'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signInAsDemoOwner, startE2eServer, type E2eServer } from './support/e2e-server'
import { launchBrowser } from './support/launch-browser'
import { describeFindings, seriousViolations } from './support/run-axe'

let server: E2eServer
let browser: Browser
let page: Page

const DAY = 86_400_000
const post = (url: string, body: unknown) =>
  page.evaluate(async ([u, b]) => (await fetch(u as string, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(b) })).status, [url, body] as const)
const shot = async (name: string) => {
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, .ant-skeleton').length === 0)
  await page.waitForTimeout(300)
  await page.screenshot({ path: path.join(server.screenshots, `${name}.png`), fullPage: true })
}
/** No wider than the window: the page must not scroll sideways. */
const fitsWidth = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)

beforeAll(async () => {
  server = await startE2eServer({ name: 'points-campaigns-e2e', demo: { customers: 40 }, plugins: [tiering, pointsMembership] })
  browser = await launchBrowser()
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1440, height: 900 } })
  page = await context.newPage()
  await signInAsDemoOwner(page, server)
  const now = Date.now()
  const iso = (days: number) => new Date(now + days * DAY).toISOString()
  expect(await post('/api/p/points-membership/campaigns', { name: 'Double points week', kind: 'multiplier', multiplier: 2, startsAt: iso(-2), endsAt: iso(5) })).toBe(201)
  expect(await post('/api/p/points-membership/campaigns', {
    name: 'App welcome', kind: 'bonus', bonusPoints: 100, startsAt: iso(8), endsAt: iso(15), budgetPoints: 5_000, conditions: { channels: ['app'], firstOrder: true },
  })).toBe(201)
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('campaign pages', () => {
  for (const [language, texts] of [
    ['en', { menu: 'Campaigns', running: 'Running', calendar: 'Calendar', add: 'New campaign', name: 'Campaign name', run: 'Preview impact', orders: 'Orders replayed', save: 'Save campaign', list: 'List' }],
    ['zh', { menu: '营销活动', running: '进行中', calendar: '日历', add: '新建活动', name: '活动名称', run: '预估影响', orders: '重放订单', save: '保存活动', list: '列表' }],
  ] as const) {
    it(`lists, shows on the calendar, previews and saves a campaign (${language})`, async () => {
      await page.setViewportSize({ width: 1440, height: 900 })
      if (language === 'zh') await page.getByRole('banner').getByText('中文').click()
      await page.goto(server.admin('/points-membership/campaigns'))
      await expect.poll(() => page.getByRole('heading', { name: texts.menu, level: 2 }).count(), { timeout: 20_000 }).toBe(1)
      await expect.poll(() => page.locator('main tr.ant-table-row').filter({ hasText: 'Double points week' }).textContent()).toContain(texts.running)
      await shot(`list-${language}-1440`)
      await page.getByRole('tab', { name: texts.calendar }).click()
      await expect.poll(() => page.locator('.ant-picker-calendar').getByText('Double points week').count()).toBeGreaterThan(0)
      await shot(`calendar-${language}-1440`)
      await page.getByRole('tab', { name: texts.list }).click()
      await page.getByRole('button', { name: texts.add }).click()
      const drawer = page.getByRole('dialog')
      await drawer.getByLabel(texts.name).fill(`Tea days ${language}`)
      await drawer.getByRole('button', { name: texts.run }).click()
      await expect.poll(() => drawer.textContent(), { timeout: 20_000 }).toContain(texts.orders)
      await drawer.getByText(texts.orders).scrollIntoViewIfNeeded()
      await shot(`form-${language}-1440`)
      await page.setViewportSize({ width: 390, height: 844 })
      await drawer.getByText(texts.orders).scrollIntoViewIfNeeded()
      expect(await fitsWidth()).toBe(true)
      await shot(`form-${language}-390`)
      await drawer.getByRole('button', { name: texts.save }).click()
      await expect.poll(() => page.locator('main tr.ant-table-row').filter({ hasText: `Tea days ${language}` }).count()).toBe(1)
      expect(await fitsWidth()).toBe(true)
      await shot(`list-${language}-390`)
      await page.getByRole('tab', { name: texts.calendar }).click()
      await expect.poll(() => page.locator('.ant-picker-calendar').count()).toBe(1)
      expect(await fitsWidth()).toBe(true)
      await shot(`calendar-${language}-390`)
    }, 120_000)
  }

  it('has no serious or critical accessibility findings on the list and the calendar', async () => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.goto(server.admin('/points-membership/campaigns'))
    await expect.poll(() => page.locator('main tr.ant-table-row').count()).toBeGreaterThan(1)
    const findings = await seriousViolations(page, '/campaigns')
    await page.getByRole('tab').nth(1).click()
    findings.push(...(await seriousViolations(page, '/campaigns calendar')))
    expect(findings, describeFindings(findings)).toEqual([])
  }, 60_000)
})
