/**
 * churn-risk's admin list end to end: the real API server with demo customers and their orders;
 * the at-risk list names each customer (looked up in core by id, since the plugin only holds ids)
 * and links the name to the customer page. Screenshots land in test-results/churn-risk-e2e/.
 */
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import churnRisk from '../../plugins/churn-risk/server/index'
import { repoRoot } from './support/ensure-admin-build'
import { signInAsDemoOwner, startE2eServer, type E2eServer } from './support/e2e-server'
import { launchBrowser } from './support/launch-browser'
import { describeFindings, seriousViolations } from './support/run-axe'

const screenshots = path.join(repoRoot, 'test-results/churn-risk-e2e')

let server: E2eServer
let browser: Browser
let page: Page

const api = <T>(url: string) => page.evaluate(async (u) => (await (await fetch(u)).json()) as unknown, url) as Promise<T>

beforeAll(async () => {
  server = await startE2eServer({ name: 'churn-risk-e2e', demo: { customers: 40 }, plugins: [churnRisk] })
  browser = await launchBrowser()
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } })
  page = await context.newPage()
  await signInAsDemoOwner(page, server)
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('churn-risk admin list', () => {
  it('names every listed customer, linked to the customer page', async () => {
    const listed = await api<{ items: { customerId: string }[] }>('/api/p/churn-risk/customers?band=all&limit=50')
    expect(listed.items.length).toBeGreaterThan(0)
    const first = listed.items[0]!.customerId
    const { items } = await api<{ items: { id: string; name: string | null; externalId: string | null }[] }>(`/api/v1/customers/names?ids=${first}`)
    const label = items[0]!.name ?? items[0]!.externalId!

    await page.goto(`${server.url}/admin/churn-risk`)
    await page.locator('.ant-segmented-item').filter({ hasText: /^All$/ }).click()
    const link = page.locator(`main a[data-customer-id="${first}"]`)
    await expect.poll(() => link.textContent(), { timeout: 10_000 }).toBe(label)
    expect(await link.getAttribute('href')).toBe(`/admin/customers/${first}`)
    expect(await page.locator('main table').textContent()).not.toContain(first)

    await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning').length === 0)
    await page.screenshot({ path: path.join(screenshots, 'at-risk-en.png'), fullPage: true })
    const findings = await seriousViolations(page, 'at-risk-en')
    expect(findings, describeFindings(findings)).toEqual([])
  })
})
