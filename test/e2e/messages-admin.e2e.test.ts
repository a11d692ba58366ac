/**
 * The message pages end to end, on the real API server with demo data: the delivery log with
 * statuses as labels and a customer picked by name, a template edited with its preview following
 * the text, an outgoing webhook's "send a test" received by a local server and shown in its
 * delivery log, and a bulk send to a segment with its progress. Each page is shot in English and
 * 中文 at 1440x900 and 390x844 into test-results/messages-admin-e2e/.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot } from './support/ensure-admin-build'
import { startE2eServer, type E2eServer } from './support/e2e-server'
import { launchBrowser } from './support/launch-browser'
import { submitSignIn } from './support/submit-sign-in'

const screenshots = path.join(repoRoot, 'test-results/messages-admin-e2e')
let server: E2eServer
let hooks: Server
let received = 0
let browser: Browser
let page: Page

const admin = (p = '') => `${server.url}/admin${p}`
const api = <T>(method: string, url: string, body?: unknown) =>
  page.evaluate(async ([m, u, b]) => {
    const res = await fetch(u as string, { method: m as string, headers: b ? { 'content-type': 'application/json' } : {}, body: b ? JSON.stringify(b) : null })
    return (await res.json()) as unknown
  }, [method, url, body] as const) as Promise<T>
const settle = async () => {
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, .ant-btn-loading').length === 0)
  await page.waitForTimeout(300)
}
/** Shoots the page open now at both sizes in one language. */
const shoot = async (name: string, language: string) => {
  for (const [w, h] of [[1440, 900], [390, 844]] as const) {
    await page.setViewportSize({ width: w, height: h })
    await settle()
    await page.screenshot({ path: path.join(screenshots, `${name}-${language}-${w}.png`), fullPage: true })
  }
  await page.setViewportSize({ width: 1440, height: 900 })
}
const inLanguage = async (language: 'en' | 'zh-CN') => {
  await page.evaluate((l) => localStorage.setItem('rapport.admin.language', l), language)
}

beforeAll(async () => {
  hooks = createServer((req, res) => { req.resume(); req.on('end', () => { received += 1; res.statusCode = 204; res.end() }) })
  await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve))
  server = await startE2eServer({ name: 'messages-admin-e2e', demo: { customers: 20 } })
  browser = await launchBrowser()
  page = await (await browser.newContext({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1440, height: 900 } })).newPage()
  await page.goto(admin('/login'))
  await submitSignIn(page, 'admin@example.com', 'rapport-demo')
  await page.waitForURL(/\/admin\/customers$/)
  const segment = await api<{ id: string }>('POST', '/api/v1/segments', { name: 'Diamond and silver', definition: { groups: [{ conditions: [{ field: 'tiering.tier', op: 'in', value: ['diamond', 'silver'] }] }] } })
  await api('POST', '/api/v1/messaging/bulk-sends', { name: 'June survey', segmentId: segment.id, template: 'survey.invitation', channel: 'email', perMinute: 100 })
  await api('POST', '/api/v1/webhooks', { url: `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/hooks`, eventTypes: ['complaint.resolved'] })
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  hooks?.close()
})

describe('message pages', () => {
  it('edits a template with a live preview', async () => {
    await page.goto(admin('/message-templates'))
    await page.getByRole('button', { name: 'Edit Survey invitation' }).click()
    await page.getByRole('tab', { name: 'English' }).click()
    await page.getByLabel('Subject').fill('Tell us how we did, {{customerName}}')
    await expect.poll(() => page.getByTestId('preview-subject').textContent()).toBe('Tell us how we did, Lin Chen')
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByText('Template saved').waitFor()
    await shoot('template-editor', 'en')
    expect((await api<{ edited: string[] }>('GET', '/api/v1/messaging/templates/survey.invitation')).edited).toEqual(['en'])
  })

  it('sends a webhook test and shows it went through', async () => {
    await page.goto(admin('/webhooks'))
    await page.getByRole('button', { name: /^Send a test to / }).click()
    await page.getByText('The endpoint accepted the test').waitFor()
    expect(received).toBe(1)
    await page.getByRole('button', { name: /^Delivery log of / }).click()
    await page.getByRole('dialog').getByText('Nothing sent yet').waitFor()
  })

  it.each(['en', 'zh-CN'] as const)('shows every page with labels in %s at both sizes', async (language) => {
    await inLanguage(language)
    const labels = language === 'en' ? { bulk: 'Bulk sends', log: 'Message log' } : { bulk: '群发', log: '消息记录' }
    for (const [route, name] of [['/messages', 'log'], ['/message-templates', 'templates'], ['/webhooks', 'webhooks'], ['/bulk-sends', 'bulk']] as const) {
      await page.goto(admin(route))
      await page.locator('main h1').waitFor()
      await shoot(name, language)
    }
    expect(await page.locator('main h1').textContent()).toBe(labels.bulk)
    await expect.poll(() => page.locator('main tr.ant-table-row').first().textContent()).toMatch(/June survey/)
    await page.goto(admin('/messages'))
    expect(await page.locator('main h1').textContent()).toBe(labels.log)
    // No status code shows as is: every status is a label of the page's language.
    const cells = await page.locator('main .ant-tag').allTextContents()
    for (const text of cells) expect(text).not.toMatch(/^(queued|sent|failed|suppressed|bounced)$/)
  })
})
