/**
 * The complaint customer pages on a phone (390x844), in English and 中文: through their signed link
 * a customer lists their cases (numbers and statuses in words, never ids), files a new one with a
 * photo, adds a PDF on its page and sees a refused file explained; the public form answers with a
 * tracking link that opens the case page, where the filer replies. Screenshots land in
 * test-results/complaint-customer-pages-e2e/.
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

const screenshots = path.join(repoRoot, 'test-results/complaint-customer-pages-e2e')
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n')
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0])

const texts = {
  en: { myCases: 'My complaints', newCase: 'File a new complaint', category: 'Category', what: 'What happened?', files: 'Photos or documents (optional)', submit: 'Submit complaint', upload: 'Upload', received: 'Received', refused: 'This file type is not accepted.', name: 'Your name', phone: 'Phone', follow: 'Follow my complaint', reply: 'Your reply', send: 'Send' },
  'zh-CN': { myCases: '我的投诉', newCase: '提交新投诉', category: '类别', what: '发生了什么？', files: '照片或文件（可选）', submit: '提交投诉', upload: '上传', received: '已收到', refused: '不接受该文件类型。', name: '您的姓名', phone: '电话', follow: '查看我的投诉', reply: '您的回复', send: '发送' },
} as const

let server: E2eServer
let browser: Browser
let staff: Page
let customerId = ''
const findings: AxeFinding[] = []

const shot = async (p: Page, name: string) => {
  await p.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true })
  findings.push(...(await seriousViolations(p, name)))
}
const staffApi = <T>(url: string, body?: unknown) => staff.evaluate(async ([u, b]) => {
  const res = await fetch(u as string, b === null ? undefined : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(b) })
  return (await res.json()) as unknown
}, [url, body ?? null] as const) as Promise<T>

beforeAll(async () => {
  ensureComplaintPagesBuild()
  server = await startE2eServer({ name: 'complaint-customer-pages-e2e', demo: { customers: 5 }, plugins: [complaintTracking] })
  browser = await launchBrowser()
  staff = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })).newPage()
  await signInAsDemoOwner(staff, server)
  customerId = (await staffApi<{ items: { id: string }[] }>('/api/v1/customers?limit=1')).items[0]!.id
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe.each(['en', 'zh-CN'] as const)('complaint customer pages on a phone in %s', (lang) => {
  const t = texts[lang]
  const phone = async () => (await browser.newContext({ bypassCSP: true, locale: lang, timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage()

  it('lists my cases, files one with a photo, adds a PDF and explains a refused file', async () => {
    const { token } = await staffApi<{ token: string }>(`/api/v1/customers/${customerId}/links`, { purpose: 'complaint-tracking' })
    const p = await phone()
    await p.goto(`${server.url}/c/${encodeURIComponent(token)}?lang=${lang}`)
    await expect.poll(() => p.getByRole('heading', { name: t.myCases }).count()).toBe(1)
    await p.getByRole('link', { name: t.newCase }).click()
    await p.getByLabel(t.category).selectOption('delivery.damaged')
    await p.getByLabel(t.what).fill(lang === 'en' ? 'The cup arrived broken.' : '杯子到货时已经碎了。')
    await p.getByLabel(t.files).setInputFiles({ name: 'cup.png', mimeType: 'image/png', buffer: PNG })
    await shot(p, `new-case-${lang}`)
    await p.getByRole('button', { name: t.submit }).click()
    await expect.poll(() => p.locator('[data-status]').textContent()).toBe(t.received)
    const main = p.locator('main')
    await expect.poll(() => main.textContent()).toMatch(/CT-\d{4}-\d{6}/)
    expect(await main.textContent()).toContain('cup.png')
    await p.getByLabel(t.files).setInputFiles({ name: 'receipt.pdf', mimeType: 'application/pdf', buffer: PDF })
    await p.getByRole('button', { name: t.upload }).click()
    await expect.poll(() => main.textContent()).toContain('receipt.pdf')
    await p.getByLabel(t.files).setInputFiles({ name: 'photos.zip', mimeType: 'application/zip', buffer: ZIP })
    await p.getByRole('button', { name: t.upload }).click()
    await expect.poll(() => p.getByRole('alert').textContent()).toBe(t.refused)
    await shot(p, `case-page-${lang}`)
    await p.getByRole('link', { name: `← ${t.myCases}` }).first().click()
    await expect.poll(() => p.locator('.cases li').count()).toBeGreaterThan(0)
    const list = await main.textContent()
    expect(list).toMatch(/CT-\d{4}-\d{6}/)
    expect(list).toContain(t.received)
    expect(list).not.toMatch(/cmp_/)
    await shot(p, `my-cases-${lang}`)
    await p.context().close()
  })

  it('answers the public form with a tracking link that opens the case, where the filer replies', async () => {
    const p = await phone()
    await p.goto(`${server.url}/c/form?lang=${lang}`)
    await p.getByLabel(t.name).fill(lang === 'en' ? 'Li Lei' : '王芳')
    await p.getByLabel(t.phone).fill(lang === 'en' ? '13900000001' : '13900000002')
    await p.getByLabel(t.category).selectOption('other')
    await p.getByLabel(t.what).fill(lang === 'en' ? 'Nobody called me back.' : '没有人给我回电话。')
    await p.getByRole('button', { name: t.submit }).click()
    await expect.poll(() => p.getByRole('status').textContent()).toMatch(/CT-\d{4}-\d{6}/)
    await shot(p, `form-receipt-${lang}`)
    await p.getByRole('link', { name: t.follow }).click()
    await expect.poll(() => p.locator('[data-status]').textContent()).toBe(t.received)
    expect(new URL(p.url()).pathname).toBe('/c/track')
    await p.getByLabel(t.reply).fill(lang === 'en' ? 'My number is 139 0000 0001.' : '我的电话是 139 0000 0002。')
    await p.getByRole('button', { name: t.send }).click()
    await expect.poll(() => p.locator('.messages li.mine').count()).toBe(1)
    await shot(p, `tracking-${lang}`)
    await p.context().close()
  })
})

describe('complaint customer pages', () => {
  it('have no serious or critical accessibility violations', () => {
    expect(findings, describeFindings(findings)).toEqual([])
  })
})
