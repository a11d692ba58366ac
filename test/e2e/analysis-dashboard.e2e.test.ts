/**
 * Issue 24 items 5 and 6 in the browser: a survey's results show scores by tier with intervals,
 * the comparison with the previous range and a plain-language verdict; the dashboard shows each
 * number beside its previous period, drills down to a list, and keeps the order and hidden widgets
 * each user arranges (dragged with the keyboard here). Both languages at 1440×900 and 390×844, with
 * the admin walk's checks (overflow, ids, the other language's labels); screenshots in
 * test-results/analysis-dashboard-e2e/.
 */
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAdminSession, type E2eServer } from './support/e2e-server'
import { foreignLabels } from './support/label-sets'
import { pageFindings } from './support/page-findings'

const sizes = [{ width: 1440, height: 900 }, { width: 390, height: 844 }] as const
const texts = {
  en: { last365: 'Last 365 days', analysis: 'Scores by group', period: 'This range against the previous one', verdict: /No significant difference|Significantly (higher|lower)|Not enough answers to test/, change: /vs previous period|Same as previous period/ },
  'zh-CN': { last365: '最近 365 天', analysis: '分组得分', period: '本期与上一期对比', verdict: /差异不显著|显著更(高|低)|答卷不足，无法检验/, change: /较上期|与上期持平/ },
} as const

let server: E2eServer
let close: (() => Promise<void>) | undefined
let page: Page

const settle = async () => {
  let quiet = 0
  await expect.poll(async () => {
    const busy = await page.evaluate(() => document.querySelectorAll('.ant-spin-spinning, .ant-skeleton, [aria-busy="true"]').length)
    quiet = busy === 0 ? quiet + 1 : 0
    return quiet
  }, { timeout: 30_000, intervals: [150] }).toBeGreaterThanOrEqual(3)
}

const layout = () => page.evaluate(async () => (await (await fetch('/api/v1/dashboard/layout')).json()) as { widgets: Array<{ plugin: string; id: string; hidden: boolean }> })
const widgetOrder = () => page.locator('[data-widget]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-widget')))

/** Checks the page at both sizes and takes its screenshots; returns the findings. */
async function look(name: string, language: string): Promise<string[]> {
  const findings: string[] = []
  for (const size of sizes) {
    await page.setViewportSize(size)
    await page.waitForTimeout(400) // antd's breakpoints and the charts follow the resize
    let found = await pageFindings(page, foreignLabels(language as 'en' | 'zh-CN'))
    if (found.length > 0) { await page.waitForTimeout(1000); found = await pageFindings(page, foreignLabels(language as 'en' | 'zh-CN')) }
    findings.push(...found.map((f) => `${language} ${size.width}px ${name}: ${f}`))
    await page.screenshot({ path: path.join(server.screenshots, `${name}-${language}-${size.width}.png`), fullPage: true })
  }
  await page.setViewportSize(sizes[0])
  return findings
}

beforeAll(async () => {
  ({ server, page, close } = await openAdminSession({ name: 'analysis-dashboard-e2e', demo: { customers: 20 } }, sizes[0]))
}, 180_000)

afterAll(() => close?.())

describe('survey analysis and the arrangeable dashboard', () => {
  it('shows scores by tier with intervals, the period comparison and its verdict, in both languages', async () => {
    // The survey with the most answers over the last year (the demo's Relationship NPS).
    const survey = await page.evaluate(async () => {
      const to = new Date().toISOString().slice(0, 10)
      const from = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10)
      const body = (await (await fetch(`/api/p/satisfaction-survey/analytics/nps/segments?by=survey&from=${from}&to=${to}`)).json()) as { segments: { key: string }[] }
      return body.segments[0]!.key
    })
    const findings: string[] = []
    for (const language of ['en', 'zh-CN'] as const) {
      await page.evaluate((l) => localStorage.setItem('rapport.admin.language', l), language)
      await page.goto(server.admin(`/satisfaction-survey/${survey}/results`))
      await settle()
      // Any range: the last year, through the range picker's preset.
      await page.locator('.ant-picker-range').first().click()
      await page.getByText(texts[language].last365, { exact: true }).click()
      await settle()
      await expect.poll(() => page.getByText(texts[language].analysis, { exact: true }).count()).toBeGreaterThan(0)
      await expect.poll(() => page.getByText(texts[language].period, { exact: true }).count()).toBeGreaterThan(0)
      await expect.poll(() => page.getByText(texts[language].verdict).count()).toBeGreaterThan(0)
      // Tiers show by their names, never their codes.
      expect(await page.locator('.ant-table-cell').getByText(/^(diamond|silver|bronze|iron)$/).count()).toBe(0)
      findings.push(...await look('survey-results', language))
    }
    expect(findings).toEqual([])
  }, 240_000)

  it('arranges the dashboard per user, shows period-over-period change and drills down to a list', async () => {
    const findings: string[] = []
    await page.evaluate(() => localStorage.setItem('rapport.admin.language', 'en'))
    await page.goto(server.admin('/dashboard'))
    await settle()
    const before = await widgetOrder()
    expect(before.length).toBeGreaterThan(2)
    await expect.poll(() => page.getByText(texts.en.change).count()).toBeGreaterThan(0)

    // Move the first widget down one place with the keyboard, hide the last, save.
    await page.getByRole('button', { name: 'Arrange widgets' }).click()
    const handles = page.locator('.ant-drawer [data-arrange-widget] button[aria-roledescription]')
    await expect.poll(() => handles.count()).toBe(before.length)
    await handles.first().focus()
    // dnd-kit measures between key presses: each step waits for its announcement.
    const live = page.locator('[aria-live]').last()
    await page.keyboard.press('Space')
    // Picked up, then at once over its own place.
    await expect.poll(() => live.textContent()).toMatch(/Picked up|position 1 of/)
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => live.textContent()).toContain('position 2 of')
    await page.keyboard.press('Space')
    await expect.poll(() => live.textContent()).toContain('Dropped')
    await page.locator('.ant-drawer [data-arrange-widget]').last().getByRole('switch').click()
    await page.getByRole('button', { name: 'Save layout' }).click()
    const expected = [before[1], before[0], ...before.slice(2, -1)]
    await expect.poll(widgetOrder).toEqual(expected)
    // Saved on the server: a reload shows the same arrangement.
    expect((await layout()).widgets.map((w) => `${w.plugin}/${w.id}${w.hidden ? ' hidden' : ''}`)).toEqual([before[1], before[0], ...before.slice(2, -1), `${before.at(-1)} hidden`])
    await page.reload()
    await settle()
    await expect.poll(widgetOrder).toEqual(expected)

    for (const language of ['en', 'zh-CN'] as const) {
      await page.evaluate((l) => localStorage.setItem('rapport.admin.language', l), language)
      await page.goto(server.admin('/dashboard'))
      await settle()
      await expect.poll(() => page.getByText(texts[language].change).count()).toBeGreaterThan(0)
      findings.push(...await look('dashboard', language))
    }
    expect(findings).toEqual([])

    // Back to the default order.
    await page.evaluate(() => localStorage.setItem('rapport.admin.language', 'en'))
    await page.goto(server.admin('/dashboard'))
    await settle()
    await page.getByRole('button', { name: 'Arrange widgets' }).click()
    await page.getByRole('button', { name: 'Back to the default' }).click()
    await expect.poll(widgetOrder).toEqual(before)

    // Drill down from the complaints widget to the case list filtered to open cases.
    await page.locator('[data-widget="complaint-tracking/open"]').getByRole('link', { name: /Open the list/ }).click()
    await expect.poll(() => page.url()).toContain('/admin/complaint-tracking?status=open')
    await settle()
    await page.screenshot({ path: path.join(server.screenshots, 'drill-down-en-1440.png') })

  }, 240_000)
})
