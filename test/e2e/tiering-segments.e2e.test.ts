/**
 * Tiering's segment table, tier names and benefits as form fields (issue 24, item 4; no JSON text
 * area): a refused empty range shown on its row, then a rule, a tier's Chinese name and a
 * multiplier changed, previewed and saved. The page is checked in English and 中文 at 1440×900 and
 * 390×844 like the admin walk; screenshots land in test-results/tiering-segments-e2e/.
 */
import path from 'node:path'
import tiering from '@rapport/plugin-tiering/server'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAdminSession, type E2eServer } from './support/e2e-server'
import { foreignLabels } from './support/label-sets'
import { pageFindings } from './support/page-findings'

let server: E2eServer
let close: (() => Promise<void>) | undefined
let page: Page
const config = () => page.evaluate(async () => (await (await fetch('/api/v1/plugins/tiering')).json()).config)
const shot = (name: string) => page.screenshot({ path: path.join(server.screenshots, `${name}.png`), fullPage: true })

beforeAll(async () => {
  ({ server, page, close } = await openAdminSession({ name: 'tiering-segments-e2e', demo: { customers: 20 }, plugins: [tiering] }))
}, 180_000)

afterAll(() => close?.())

describe('tier settings: segments, names and benefits as forms', () => {
  it('refuses an empty range on its row, then saves a rule, a name and a multiplier', async () => {
    await page.goto(server.admin('/tiering/settings'))
    const from = page.locator('#segment-0-r')
    await expect.poll(() => from.count(), { timeout: 30_000 }).toBe(1)
    // Champions: recency from 4 to 5; from 5 to 4 is empty.
    await page.getByRole('spinbutton', { name: 'Recency (R) to' }).first().fill('4')
    await from.fill('5')
    await page.getByRole('button', { name: 'Preview' }).click()
    await expect.poll(() => page.locator('.ant-form-item-explain-error').allTextContents(), { timeout: 30_000 }).toContain('Range 5–4 of champions is empty')
    await page.getByRole('spinbutton', { name: 'Recency (R) to' }).first().fill('5')
    await page.locator('#names-diamond-zh').fill('黑卡')
    await page.locator('#benefits-silver-multiplier').fill('1.8')
    await page.getByRole('button', { name: 'Preview' }).click()
    await expect.poll(() => page.getByTestId('tiering-preview').count(), { timeout: 30_000 }).toBe(1)
    await page.getByRole('button', { name: 'Save' }).click()
    await expect.poll(async () => (await config()).tiers.names.diamond['zh-CN'], { timeout: 30_000 }).toBe('黑卡')
    const saved = await config()
    expect(saved.segments[0]).toMatchObject({ segment: 'champions', r: [5, 5] })
    expect(saved.benefits.silver.pointsMultiplier).toBe(1.8)
  })

  for (const language of ['en', 'zh-CN'] as const) {
    it(`fits a desktop and a phone in ${language}, with no JSON to edit`, async () => {
      await page.evaluate((l) => localStorage.setItem('rapport.admin.language', l), language)
      const findings: string[] = []
      for (const size of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
        await page.setViewportSize(size)
        await page.goto(server.admin('/tiering/settings'))
        await expect.poll(() => page.locator('#segment-0-r').count(), { timeout: 30_000 }).toBe(1)
        for (const f of await pageFindings(page, foreignLabels(language))) findings.push(`${size.width}: ${f}`)
        expect(await page.locator('textarea').count()).toBe(0)
        await shot(`settings-${language}-${size.width}`)
      }
      expect(findings).toEqual([])
    })
  }
})
