/**
 * points-membership's admin pages end to end: the real API server with demo customers (whose
 * orders enrol them and earn points), an admin finds a member by name, adjusts their points with a
 * reason (and sees the server's 422 for too many), sees the balance and the ledger entry change,
 * previews an order on the rules page, sees the earn/burn chart, and the dashboard's liability
 * widget; then the same pages in 中文; and the member opens their own page /m/<token> on a phone.
 * Screenshots land in test-results/points-admin-e2e/.
 */
import path from 'node:path'
import pointsMembership from '@rapport/plugin-points-membership/server'
import tiering from '@rapport/plugin-tiering/server'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot } from './support/ensure-admin-build'
import { ensurePointsPagesBuild } from './support/ensure-points-pages-build'
import { signInAsDemoOwner, startE2eServer, type E2eServer } from './support/e2e-server'
import { launchBrowser } from './support/launch-browser'
import { describeFindings, seriousViolations, type AxeFinding } from './support/run-axe'

const screenshots = path.join(repoRoot, 'test-results/points-admin-e2e')

let server: E2eServer
let browser: Browser
let page: Page

const admin = (p = '') => `${server.url}/admin${p}`
const menuItem = (name: string) => page.getByRole('navigation').getByRole('link', { name })

/** Calls the API with the page's own session (same origin, so the CSRF check passes). */
const api = <T>(url: string) => page.evaluate(async (u) => (await (await fetch(u)).json()) as unknown, url) as Promise<T>
const post = <T>(url: string, body: unknown) =>
  page.evaluate(async ([u, b]) => (await (await fetch(u as string, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(b) })).json()) as unknown, [url, body] as const) as Promise<T>

const shot = async (name: string) => {
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, .ant-skeleton').length === 0)
  await page.waitForTimeout(600) // chart animations
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true })
}

type Member = { customerId: string; memberNo: string; balance: number; entries: { kind: string; reason: string | null; delta: number }[] }
let target: { customerId: string; memberNo: string; name: string; balance: number }
/** The member page link the admin issued from the member drawer. */
let memberPageUrl = ''

beforeAll(async () => {
  ensurePointsPagesBuild()
  server = await startE2eServer({ name: 'points-admin-e2e', demo: { customers: 60 }, plugins: [tiering, pointsMembership] })
  browser = await launchBrowser()
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } })
  page = await context.newPage()
  await signInAsDemoOwner(page, server)
  // A demo member with a name and some points, found through the APIs the page itself uses.
  const members = await api<{ items: { customerId: string; memberNo: string; balance: number }[] }>('/api/p/points-membership/members?limit=20')
  const customers = await api<{ items: { id: string; name: string | null }[] }>(`/api/v1/customers?limit=20&filter=${encodeURIComponent(`points.memberNo:in:${members.items.map((m) => m.memberNo).join('|')}`)}`)
  const named = members.items.find((m) => m.balance > 0 && customers.items.some((c) => c.id === m.customerId && c.name))!
  target = { ...named, name: customers.items.find((c) => c.id === named.customerId)!.name! }
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('points-membership admin pages', () => {
  it('finds a demo member by name and opens their balance, statement and lots', async () => {
    await menuItem('Points members').click()
    await page.waitForURL(/\/admin\/points-membership$/)
    await expect.poll(() => page.getByRole('heading', { name: 'Points members', level: 2 }).count()).toBe(1)
    await expect.poll(() => page.locator('main tr.ant-table-row').count()).toBeGreaterThan(0)
    await shot('members-en')
    await page.getByRole('searchbox', { name: 'Search members' }).fill(target.name)
    const row = page.locator('main tr.ant-table-row').filter({ hasText: target.memberNo })
    await expect.poll(() => row.count()).toBe(1)
    await row.getByRole('button', { name: `Open ${target.name}` }).click()
    const drawer = page.getByRole('dialog', { name: new RegExp(target.memberNo) })
    await expect.poll(() => drawer.getByTestId('member-balance').textContent()).toBe(target.balance.toLocaleString('en-US'))
    await drawer.getByRole('tab', { name: 'Lots' }).click()
    await expect.poll(() => drawer.getByRole('tabpanel', { name: 'Lots' }).locator('tr.ant-table-row').count()).toBeGreaterThan(0)
    await drawer.getByRole('tab', { name: 'Statement' }).click()
    await drawer.getByText('Last 365 days').click()
    await shot('member-en')
  })

  it("shows the server's 422 inline, then adjusts with a reason and sees the balance and the ledger entry change", async () => {
    const drawer = page.getByRole('dialog', { name: new RegExp(target.memberNo) })
    await drawer.getByRole('button', { name: 'Adjust points' }).click()
    const form = page.getByRole('dialog', { name: `Adjust points of ${target.name}` })
    await form.getByRole('spinbutton', { name: 'Points' }).fill('2000000')
    await form.getByLabel('Reason').fill('Too many on purpose')
    await form.getByRole('button', { name: 'Review' }).click()
    const confirm = page.getByRole('dialog', { name: 'Confirm the adjustment' })
    await expect.poll(() => confirm.textContent()).toContain(`Add 2,000,000 points to ${target.name}?`)
    await confirm.getByRole('button', { name: 'Confirm' }).click()
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('over the limit of 1,000,000')
    await shot('adjust-refused-en')

    await form.getByRole('spinbutton', { name: 'Points' }).fill('25')
    await form.getByLabel('Reason').fill('Apology for a late delivery')
    await form.getByRole('button', { name: 'Review' }).click()
    await expect.poll(() => confirm.textContent()).toContain(`Balance ${target.balance.toLocaleString('en-US')} → ${(target.balance + 25).toLocaleString('en-US')}`)
    await confirm.getByRole('button', { name: 'Confirm' }).click()
    await expect.poll(() => drawer.getByTestId('member-balance').textContent()).toBe((target.balance + 25).toLocaleString('en-US'))
    const entry = drawer.locator('tr.ant-table-row').filter({ hasText: 'Apology for a late delivery' })
    await expect.poll(() => entry.textContent()).toContain('Adjusted')
    expect(await entry.textContent()).toContain('+25')
    const after = await api<Member>(`/api/p/points-membership/members/${target.customerId}`)
    expect(after.balance).toBe(target.balance + 25)
    expect(after.entries[0]).toMatchObject({ kind: 'adjust', delta: 25, reason: 'Apology for a late delivery' })
    await shot('adjusted-en')
    await drawer.getByRole('button', { name: 'Member page link' }).click()
    const linkDialog = page.getByRole('dialog', { name: 'Link to the member’s own page' })
    await expect.poll(() => linkDialog.getByTestId('member-link').inputValue()).toMatch(new RegExp(`^${server.url}/m/.+`))
    memberPageUrl = await linkDialog.getByTestId('member-link').inputValue()
    await shot('member-link-en')
    await page.keyboard.press('Escape')
    await expect.poll(() => linkDialog.isVisible()).toBe(false)
    await drawer.getByRole('button', { name: 'Close' }).first().click()
  })

  it('previews what an order would earn, line by line', async () => {
    await menuItem('Earning rules').click()
    await page.waitForURL(/\/admin\/points-membership\/rules$/)
    const preview = page.getByRole('form', { name: 'Rule preview' })
    await preview.getByLabel('Order amount (CNY)').fill('129.90')
    await preview.getByRole('button', { name: 'Preview' }).click()
    const result = page.getByTestId('preview-result')
    await expect.poll(() => result.textContent()).toContain('This order earns 129 points')
    expect(await result.textContent()).toContain('Base rate')
    await shot('rules-en')
  })

  it("puts the server's refusal of a rule on its field, then saves it and previews with it", async () => {
    await page.getByRole('button', { name: 'Add a category' }).click()
    const rules = page.locator('form').filter({ has: page.getByRole('button', { name: 'Save' }) })
    await rules.getByLabel('Category', { exact: true }).fill('tea')
    await rules.getByRole('spinbutton', { name: 'Multiplier' }).fill('0')
    await rules.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => rules.getByRole('alert').first().textContent()).toContain('The server refused some values')
    // The refusal sits under the multiplier it names.
    const multiplierItem = rules.locator('.ant-form-item').filter({ has: page.getByRole('spinbutton', { name: 'Multiplier' }) })
    await expect.poll(() => multiplierItem.locator('.ant-form-item-explain-error').count()).toBe(1)
    await shot('rules-refused-en')
    await rules.getByRole('spinbutton', { name: 'Multiplier' }).fill('2')
    await rules.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => page.getByText('Earning rules saved.').count()).toBe(1)
    const plugin = await api<{ config: { categoryMultipliers: Record<string, number> } }>('/api/v1/plugins/points-membership')
    expect(plugin.config.categoryMultipliers).toEqual({ tea: 2 })
    // An event bonus is picked by what the event means, not typed as its code.
    await rules.getByRole('button', { name: 'Add an event bonus' }).click()
    await rules.locator('.ant-select').filter({ hasText: 'Survey answered' }).last().click()
    await page.locator('.ant-select-item-option').filter({ hasText: 'Complaint resolved' }).click()
    await rules.getByRole('button', { name: 'Save' }).click()
    await expect.poll(async () => Object.keys((await api<{ config: { eventBonuses: Record<string, unknown> } }>('/api/v1/plugins/points-membership')).config.eventBonuses)).toContain('complaint.resolved')
    expect(await rules.textContent()).not.toContain('complaint.resolved')
    const preview = page.getByRole('form', { name: 'Rule preview' })
    await preview.getByLabel('Order amount (CNY)').fill('100')
    await preview.getByRole('button', { name: 'Add an item' }).click()
    await preview.getByRole('textbox', { name: 'Category 1' }).fill('tea')
    await preview.getByRole('spinbutton', { name: 'Amount (CNY) 1' }).fill('100')
    await preview.getByRole('button', { name: 'Preview' }).click()
    await expect.poll(() => page.getByTestId('preview-result').textContent()).toContain('This order earns 200 points')
    expect(await page.getByTestId('preview-result').textContent()).toContain('Category multiplier')
  })

  it('adds a reward, lists its redemption and voids the voucher with a reason', async () => {
    await menuItem('Rewards').click()
    await page.waitForURL(/\/admin\/points-membership\/rewards$/)
    await page.getByRole('button', { name: 'Add a reward' }).click()
    const modal = page.getByRole('dialog', { name: 'Add a reward' })
    await modal.getByRole('textbox', { name: 'Id' }).fill('tea-cup')
    await modal.getByRole('textbox', { name: 'Name' }).fill('Tea cup')
    await modal.getByRole('spinbutton', { name: 'Cost (points)' }).fill('10')
    await modal.getByRole('spinbutton', { name: 'Stock' }).fill('5')
    await modal.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => page.locator('main tr.ant-table-row').filter({ hasText: 'Tea cup' }).count()).toBe(1)
    const redeemed = await post<{ vouchers: { code: string }[] }>(`/api/p/points-membership/members/${target.customerId}/redemptions`, { rewardId: 'tea-cup', idempotencyKey: 'e2e-redeem-1' })
    const code = redeemed.vouchers[0]!.code
    await page.reload()
    const voucher = page.locator('main tr.ant-table-row').filter({ hasText: code })
    await expect.poll(() => voucher.textContent()).toContain(target.name)
    await shot('rewards-en')
    await voucher.getByRole('button', { name: `Void voucher ${code}` }).click()
    const voidDialog = page.getByRole('dialog', { name: `Void voucher ${code}` })
    await voidDialog.getByLabel('Reason').fill('Customer changed their mind')
    await voidDialog.getByRole('button', { name: 'Void' }).click()
    await expect.poll(() => voucher.locator('.ant-tag').textContent()).toBe('Void')
    expect(await voucher.getByRole('button', { name: `Void voucher ${code}` }).count()).toBe(0)
    const after = await api<Member>(`/api/p/points-membership/members/${target.customerId}`)
    expect(after.entries[0]).toMatchObject({ kind: 'restore', delta: 10, reason: `voucher ${code} voided: Customer changed their mind` })
  })

  it('draws the earn/burn chart and the liability on the reports page', async () => {
    await menuItem('Points reports').click()
    await page.waitForURL(/\/admin\/points-membership\/reports$/)
    await expect.poll(() => page.getByRole('img', { name: 'Points earned and burned per period' }).locator('canvas').count(), { timeout: 15_000 }).toBe(1)
    const liability = await api<{ outstandingPoints: number }>('/api/p/points-membership/reports/liability')
    await expect.poll(() => page.locator('main').textContent()).toContain(liability.outstandingPoints.toLocaleString('en-US'))
    await page.getByText('Month', { exact: true }).click()
    await expect.poll(() => page.getByRole('img', { name: 'Points earned and burned per period' }).locator('canvas').count()).toBe(1)
    await shot('reports-en')
  })

  it('shows the liability widget on the dashboard', async () => {
    await menuItem('Dashboard').click()
    await page.waitForURL(/\/admin\/dashboard$/)
    const card = page.locator('[data-widget="points-membership/liability"]')
    await expect.poll(() => card.getByRole('img', { name: 'Points earned, spent and expired in the period' }).locator('canvas').count(), { timeout: 15_000 }).toBe(1)
    await expect.poll(() => card.textContent()).toContain('Outstanding points')
    await shot('dashboard-en')
  })

  it('reads in 中文', async () => {
    await page.getByRole('banner').getByText('中文').click()
    await expect.poll(() => page.locator('[data-widget="points-membership/liability"]').textContent()).toContain('未使用积分')
    await shot('dashboard-zh')
    await menuItem('积分会员').click()
    await expect.poll(() => page.getByRole('heading', { name: '积分会员', level: 2 }).count()).toBe(1)
    await expect.poll(() => page.locator('main tr.ant-table-row').count()).toBeGreaterThan(0)
    await shot('members-zh')
    await page.getByRole('searchbox', { name: '搜索会员' }).fill(target.name)
    await page.locator('main tr.ant-table-row').filter({ hasText: target.memberNo }).getByRole('button', { name: `打开 ${target.name}` }).click()
    const drawer = page.getByRole('dialog', { name: new RegExp(target.memberNo) })
    await expect.poll(() => drawer.locator('tr.ant-table-row').filter({ hasText: 'Apology for a late delivery' }).textContent()).toContain('人工调整')
    await shot('member-zh')
    await drawer.getByRole('button', { name: '调整积分' }).click()
    await expect.poll(() => page.getByRole('dialog', { name: `调整 ${target.name} 的积分` }).count()).toBe(1)
    await shot('adjust-zh')
    await page.getByRole('dialog', { name: `调整 ${target.name} 的积分` }).getByRole('button', { name: '取消' }).click()
    // The drawer closes from the keyboard.
    await expect.poll(() => page.getByRole('dialog', { name: `调整 ${target.name} 的积分` }).count()).toBe(0)
    await page.keyboard.press('Escape')
    await expect.poll(() => drawer.isVisible()).toBe(false)
    await menuItem('积分规则').click()
    await page.getByRole('form', { name: '规则预览' }).getByLabel('订单金额（CNY）').fill('88')
    await page.getByRole('form', { name: '规则预览' }).getByRole('button', { name: '预览' }).click()
    await expect.poll(() => page.getByTestId('preview-result').textContent()).toContain('这笔订单获得 88 积分')
    await shot('rules-zh')
    await menuItem('积分奖励').click()
    await expect.poll(() => page.getByRole('heading', { name: '积分奖励', level: 2 }).count()).toBe(1)
    await shot('rewards-zh')
    await menuItem('积分报表').click()
    await expect.poll(() => page.getByRole('img', { name: '各期间积分获得与消耗' }).locator('canvas').count(), { timeout: 15_000 }).toBe(1)
    await shot('reports-zh')
  })

  it('has no serious or critical accessibility findings on its pages', async () => {
    const findings: AxeFinding[] = []
    for (const [path, heading] of [['', '积分会员'], ['/rules', '积分规则'], ['/rewards', '积分奖励'], ['/reports', '积分报表']] as const) {
      await page.goto(admin(`/points-membership${path}`))
      await expect.poll(() => page.getByRole('heading', { name: heading, level: 2 }).count()).toBe(1)
      await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, .ant-skeleton').length === 0)
      findings.push(...(await seriousViolations(page, path || '/')))
    }
    expect(findings, describeFindings(findings)).toEqual([])
  })
})

describe("the member's own page on a phone", () => {
  it('opens the link the admin issued and shows the balance, expiring points, activity and tier in 中文 and English', async () => {
    const member = await api<Member>(`/api/p/points-membership/members/${target.customerId}`)
    // bypassCSP lets the test inject axe; the page itself runs under the server's strict CSP otherwise.
    const phone = await browser.newContext({ bypassCSP: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    const customer = await phone.newPage()
    await customer.goto(memberPageUrl)
    await expect.poll(() => customer.getByTestId('balance').textContent()).toBe(member.balance.toLocaleString('zh-CN'))
    expect(await customer.getByRole('heading', { level: 1 }).textContent()).toBe('我的积分')
    expect(await customer.locator('main').textContent()).toContain('最近积分记录')
    expect(await customer.locator('main').textContent()).not.toContain('Apology for a late delivery')
    await customer.screenshot({ path: path.join(screenshots, 'member-page-zh.png'), fullPage: true })
    const findings = await seriousViolations(customer, '/m/<token>')
    expect(findings, describeFindings(findings)).toEqual([])
    await customer.getByRole('button', { name: 'English' }).click()
    await expect.poll(() => customer.getByRole('heading', { level: 1 }).textContent()).toBe('My points')
    expect(await customer.locator('html').getAttribute('lang')).toBe('en')
    await customer.screenshot({ path: path.join(screenshots, 'member-page-en.png'), fullPage: true })
    // Redeem the tea cup (10 points) with a confirmation; the balance drops and the voucher shows.
    const balance = Number((await customer.getByTestId('balance').textContent())!.replace(/\D/g, ''))
    const cup = customer.locator('li').filter({ hasText: 'Tea cup' })
    await cup.getByRole('button', { name: 'Redeem' }).click()
    await expect.poll(() => customer.locator('li.confirm').textContent()).toContain('Spend 10 points on “Tea cup”?')
    await customer.screenshot({ path: path.join(screenshots, 'member-page-redeem-en.png'), fullPage: true })
    await customer.getByRole('button', { name: 'Redeem now' }).click()
    await expect.poll(() => customer.getByTestId('voucher').textContent()).toMatch(/^Done! Voucher [A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}, valid until /)
    await expect.poll(() => customer.getByTestId('balance').textContent()).toBe((balance - 10).toLocaleString('en-US'))
    await customer.screenshot({ path: path.join(screenshots, 'member-page-redeemed-en.png'), fullPage: true })
    await customer.goto(`${server.url}/m/forged-token`)
    await expect.poll(() => customer.getByRole('alert').textContent()).toContain('This link is not valid or has expired')
    await customer.screenshot({ path: path.join(screenshots, 'member-page-bad-link-en.png'), fullPage: true })
    await phone.close()
  })
})
