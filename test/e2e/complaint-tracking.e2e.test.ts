/**
 * complaint-tracking end to end: the real API server with demo customers; a staff member files a
 * complaint for a demo customer from the admin (customer search, channel, category tree, priority),
 * replies to the customer, adds an internal note, opens and resolves it with a code, a summary and
 * goodwill points; the queue shows SLA badges; then the same pages in 中文; and the customer opens
 * the case through their link (/c/<token>/<caseId>), sees the reply but not the note, in English
 * and 中文; and the public form (/c/form) takes a complaint and shows the rate limit's message. Screenshots land in
 * test-results/complaint-tracking-e2e/.
 */
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import complaintTracking from '../../plugins/complaint-tracking/server/index'
import { repoRoot } from './support/ensure-admin-build'
import { ensureComplaintPagesBuild } from './support/ensure-complaint-pages-build'
import { signInAsDemoOwner, startE2eServer, type E2eServer } from './support/e2e-server'
import { launchBrowser } from './support/launch-browser'
import { type AxeFinding, describeFindings, seriousViolations } from './support/run-axe'

const screenshots = path.join(repoRoot, 'test-results/complaint-tracking-e2e')
const REPLY = 'We are sending a replacement cup today.'
const NOTE = 'Internal: supplier batch 42 has cracked glaze.'

let server: E2eServer
let browser: Browser
let page: Page
let customer: { id: string; name: string }
let caseId = ''
let urgentId = ''
/** Serious or critical accessibility findings on every page screenshotted. */
const findings: AxeFinding[] = []

const admin = (p = '') => `${server.url}/admin${p}`
const menuItem = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true })
/** The links to one case (its number and its description; the id is not shown): the demo seeds cases of its own in every state. */
const caseHref = (id: string) => `a[href$="/complaint-tracking/cases/${encodeURIComponent(id)}"]`
const caseLink = (id: string) => page.locator(`main ${caseHref(id)}`).first()
const caseRow = (id: string) => page.locator('main tr.ant-table-row').filter({ has: page.locator(caseHref(id)) })
const api = <T>(url: string, init?: { method: string; body: unknown }) =>
  page.evaluate(async ([u, i]) => {
    const res = await fetch(u as string, i ? { method: (i as { method: string }).method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify((i as { body: unknown }).body) } : undefined)
    return (await res.json()) as unknown
  }, [url, init ?? null] as const) as Promise<T>

const shot = async (p: Page, name: string) => {
  await p.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, .ant-skeleton').length === 0)
  await p.waitForTimeout(1200) // chart animations
  await p.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true })
  findings.push(...(await seriousViolations(p, name)))
}

beforeAll(async () => {
  ensureComplaintPagesBuild()
  server = await startE2eServer({ name: 'complaint-tracking-e2e', demo: { customers: 20 }, plugins: [complaintTracking] })
  browser = await launchBrowser()
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } })
  page = await context.newPage()
  await signInAsDemoOwner(page, server)
  const customers = await api<{ items: { id: string; name: string | null }[] }>('/api/v1/customers?limit=20')
  const named = customers.items.find((c) => c.name)!
  customer = { id: named.id, name: named.name! }
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('complaint-tracking admin and customer pages', () => {
  it('files a complaint for a demo customer found by search', async () => {
    await menuItem('New complaint').click()
    await page.waitForURL(/\/admin\/complaint-tracking\/new$/)
    await page.getByRole('combobox', { name: 'Customer' }).fill(customer.name)
    await page.locator('.ant-select-item-option').filter({ hasText: customer.name }).first().click()
    await page.getByRole('combobox', { name: 'Channel' }).click()
    await page.locator('.ant-select-item-option').filter({ hasText: 'WeChat' }).click()
    await page.getByRole('combobox', { name: 'Priority' }).click()
    await page.locator('.ant-select-item-option').filter({ hasText: 'High' }).click()
    await page.getByRole('combobox', { name: 'Category' }).click()
    await page.locator('.ant-select-tree-title').filter({ hasText: 'Quality' }).click()
    await page.getByLabel('Description').fill('The cup I bought leaks from the handle.')
    await page.getByLabel('Order reference').fill('SO-2026-0042')
    await shot(page, 'new-case-en')
    await page.getByRole('button', { name: 'File complaint' }).click()
    await page.waitForURL(/\/admin\/complaint-tracking\/cases\/[^/]+$/)
    caseId = decodeURIComponent(page.url().split('/').pop()!)
    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toBe('Complaint: Quality')
    const stored = await api<{ customerId: string; channel: string; category: string; priority: string; orderRef: string }>(`/api/p/complaint-tracking/cases/${caseId}`)
    expect(stored).toMatchObject({ customerId: customer.id, channel: 'wechat', category: 'product.quality', priority: 'high', orderRef: 'SO-2026-0042' })
    // The case names its customer (looked up in core by id), linked to the customer page.
    const customerLink = page.getByRole('link', { name: customer.name, exact: true })
    await expect.poll(() => customerLink.count()).toBe(1)
    expect(await customerLink.getAttribute('href')).toBe(`/admin/customers/${customer.id}`)
  })

  it('replies to the customer and adds an internal note, told apart', async () => {
    await page.getByRole('textbox', { name: 'Message' }).fill(REPLY)
    await page.getByRole('button', { name: 'Send reply' }).click()
    await expect.poll(() => page.locator('[data-visibility="customer"]').textContent()).toContain(REPLY)
    await page.locator('label.ant-radio-button-wrapper').filter({ hasText: 'Internal note' }).click()
    expect(await page.getByRole('radio', { name: 'Internal note' }).isChecked()).toBe(true)
    await page.getByRole('textbox', { name: 'Message' }).fill(NOTE)
    await page.getByRole('button', { name: 'Add note' }).click()
    await expect.poll(() => page.locator('[data-visibility="internal"]').textContent()).toContain(NOTE)
    expect(await page.locator('[data-visibility="internal"] .ant-tag').textContent()).toBe('Internal')
  })

  it('opens and resolves the case with a code, a summary and goodwill points', async () => {
    await page.getByRole('button', { name: 'Move to “Open”' }).click()
    await expect.poll(() => page.locator('main .ant-tag').filter({ hasText: /^Open$/ }).count()).toBe(1)
    await page.getByRole('button', { name: 'Resolve' }).click()
    const form = page.getByRole('form', { name: 'Resolve the complaint' })
    await form.getByRole('combobox', { name: 'Resolution code' }).click()
    await page.locator('.ant-select-item-option').filter({ hasText: 'Replacement' }).click()
    await form.getByLabel('Summary').fill('Sent a new cup and apologised.')
    await form.getByRole('spinbutton', { name: 'Goodwill points (optional)' }).fill('200')
    await shot(page, 'resolve-en')
    await form.getByRole('button', { name: 'Resolve' }).click()
    await expect.poll(() => page.locator('main .ant-tag').filter({ hasText: /^Resolved$/ }).count()).toBe(1)
    const stored = await api<{ status: string; resolutionCode: string; goodwillPoints: number; history: { action: string }[] }>(`/api/p/complaint-tracking/cases/${caseId}`)
    expect(stored).toMatchObject({ status: 'resolved', resolutionCode: 'replacement', goodwillPoints: 200 })
    expect(stored.history.map((h) => h.action)).toEqual(expect.arrayContaining(['created', 'message', 'transition', 'goodwill', 'follow_up_scheduled']))
    await expect.poll(() => page.locator('.ant-timeline').textContent()).toContain('Goodwill points granted: 200')
    await shot(page, 'case-en')
  })

  it('lists cases with SLA badges and filters them', async () => {
    // A second, urgent case still running its clocks.
    urgentId = (await api<{ id: string }>('/api/p/complaint-tracking/cases', { method: 'POST', body: { customerId: customer.id, channel: 'phone', category: 'delivery.late', priority: 'urgent', description: 'Parcel is a week late' } })).id
    await menuItem('Complaints').click()
    await page.waitForURL(/\/admin\/complaint-tracking$/)
    const ours = [caseRow(caseId), caseRow(urgentId)]
    for (const row of ours) {
      await expect.poll(() => row.count()).toBe(1)
      await expect.poll(() => row.locator('[data-sla]').count()).toBe(1)
      // The queue shows who complained by name, not by customer id.
      await expect.poll(() => row.getByRole('link', { name: customer.name, exact: true }).count()).toBe(1)
      expect(['ok', 'warning', 'breached']).toContain(await row.locator('[data-sla]').getAttribute('data-sla'))
    }
    expect(await page.locator('main table').textContent()).not.toContain(customer.id)
    await shot(page, 'list-en')
    await page.getByRole('combobox', { name: 'Priority' }).click()
    await page.locator('.ant-select-item-option').filter({ hasText: 'Urgent' }).click()
    // Only urgent cases remain: ours that is urgent, not ours that is high.
    await expect.poll(() => caseRow(caseId).count()).toBe(0)
    await expect.poll(() => caseRow(urgentId).count()).toBe(1)
    // The 5th cell: after the selection box, the number, the description and the status.
    const priorities = await page.locator('main tr.ant-table-row td:nth-child(5)').allTextContents()
    expect(priorities.length).toBeGreaterThan(0)
    expect(new Set(priorities)).toEqual(new Set(['Urgent']))
    await page.keyboard.press('Escape')
  })

  it('reads in 中文', async () => {
    await page.getByRole('banner').getByText('中文').click()
    await menuItem('投诉').click()
    await expect.poll(() => page.getByRole('heading', { name: '投诉', level: 2 }).count()).toBe(1)
    await page.goto(admin('/complaint-tracking'))
    for (const id of [caseId, urgentId]) await expect.poll(() => caseRow(id).locator('[data-sla]').count()).toBe(1)
    await shot(page, 'list-zh')
    await caseLink(caseId).click()
    await expect.poll(() => page.locator('main .ant-tag').filter({ hasText: /^已解决$/ }).count()).toBe(1)
    await shot(page, 'case-zh')
    await menuItem('登记投诉').click()
    await expect.poll(() => page.getByRole('heading', { name: '登记投诉', level: 2 }).count()).toBe(1)
    await shot(page, 'new-case-zh')
    await menuItem('回访').click()
    await expect.poll(() => page.getByRole('heading', { name: '回访', level: 2 }).count()).toBe(1)
    await page.locator('label.ant-radio-button-wrapper').filter({ hasText: '全部待回访' }).click()
    // The resolved case got its follow-up visit; the urgent one, still open, has none.
    await expect.poll(() => caseRow(caseId).count()).toBe(1)
    expect(await caseRow(urgentId).count()).toBe(0)
    await shot(page, 'follow-ups-zh')
    await menuItem('投诉报表').click()
    await expect.poll(() => page.locator('main canvas').count()).toBeGreaterThan(0)
    await shot(page, 'analytics-zh')
    await menuItem('投诉设置').click()
    await expect.poll(() => page.getByRole('heading', { name: '投诉设置', level: 2 }).count()).toBe(1)
    await shot(page, 'settings-zh')
    await page.getByRole('banner').getByText('English').click()
  })

  it('shows the customer the reply but not the note, through their link, in English and 中文', async () => {
    const { token } = await api<{ token: string }>(`/api/v1/customers/${customer.id}/links`, { method: 'POST', body: { purpose: 'complaint-tracking' } })
    for (const [locale, status] of [['en', 'Resolved'], ['zh-CN', '已解决']] as const) {
      const phone = await browser.newContext({ bypassCSP: true, locale, timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
      const p = await phone.newPage()
      await p.goto(`${server.url}/c/${encodeURIComponent(token)}/${encodeURIComponent(caseId)}`)
      await expect.poll(() => p.locator('[data-status]').textContent()).toBe(status)
      const text = await p.locator('main').textContent()
      expect(text).toContain(REPLY)
      expect(text).toContain('Sent a new cup and apologised.')
      expect(text).not.toContain(NOTE)
      await shot(p, `customer-case-${locale === 'en' ? 'en' : 'zh'}`)
      await phone.close()
    }
  })

  it('takes a complaint through the public form', async () => {
    const context = await browser.newContext({ bypassCSP: true, locale: 'zh-CN', viewport: { width: 390, height: 844 } })
    const p = await context.newPage()
    await p.goto(`${server.url}/c/form`)
    await p.getByLabel('您的姓名').fill('王芳')
    await p.getByLabel('电话').fill('13800000000')
    await p.getByLabel('类别').selectOption('delivery.damaged')
    await p.getByLabel('发生了什么？').fill('杯子到货时已经碎了。')
    await p.getByLabel('照片或文件（可选）').setInputFiles({ name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('碎片照片稍后补充') })
    await shot(p, 'public-form-zh')
    await p.getByRole('button', { name: '提交投诉' }).click()
    await expect.poll(() => p.getByRole('status').textContent()).toContain('我们已收到您的投诉')
    await shot(p, 'public-form-received-zh')
    // Use up the hour's submissions from this address, then the form shows the rate limit's message.
    const statuses = await p.evaluate(async () => {
      const body = JSON.stringify({ name: 'Li', phone: '13900000000', category: 'other', description: 'again' })
      const out: number[] = []
      for (let i = 0; i < 5; i++) out.push((await fetch('/api/p/complaint-tracking/form', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })).status)
      return out
    })
    expect(statuses.at(-1)).toBe(429)
    await p.goto(`${server.url}/c/form?lang=en`)
    await p.getByLabel('Your name').fill('Li Lei')
    await p.getByLabel('Email').fill('li@example.com')
    await p.getByLabel('Category').selectOption('other')
    await p.getByLabel('What happened?').fill('Once more')
    await p.getByRole('button', { name: 'Submit complaint' }).click()
    await expect.poll(() => p.getByRole('alert').textContent()).toMatch(/Too many complaints were sent from your network\. Please try again in \d+ minutes\./)
    await shot(p, 'public-form-rate-limited-en')
    await context.close()
  })

  it('has no serious or critical accessibility violations on any page shown', () => {
    expect(findings, describeFindings(findings)).toEqual([])
  })
})
