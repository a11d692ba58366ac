/**
 * The admin shell end to end: the real API server (temporary SQLite file, demo data) serving the
 * built admin, driven through headless chromium. Screenshots land in test-results/admin-e2e/.
 */
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot } from './support/ensure-admin-build'
import { findCustomerWithEvents } from './support/find-customer-with-events'
import { startE2eServer, type E2eServer } from './support/e2e-server'
import { launchBrowser } from './support/launch-browser'
import { submitSignIn } from './support/submit-sign-in'

const screenshots = path.join(repoRoot, 'test-results/admin-e2e')
const owner = { email: 'admin@example.com', password: 'rapport-demo' }
const businessTimeZone = 'Asia/Shanghai'

let server: E2eServer
let browser: Browser
let page: Page

const admin = (p = '') => `${server.url}/admin${p}`
const rows = () => page.locator('main .ant-table-tbody tr.ant-table-row')
const cellText = async (row: number, column: number) => (await rows().nth(row).locator('td').nth(column).textContent()).trim()
const columnHeaders = () => page.locator('main .ant-table-thead th').allInnerTexts()
const sideMenu = (name: string) => page.getByRole('navigation', { name })

/** Waits for spinners and their fade-out, then takes a full-page screenshot. */
const shot = async (name: string) => {
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, .ant-spin-blur').length === 0)
  await page.waitForTimeout(400)
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true })
}

const signIn = (email: string, password: string) => submitSignIn(page, email, password)

beforeAll(async () => {
  server = await startE2eServer({ name: 'admin-e2e', demo: { customers: 40 }, timeZone: businessTimeZone })
  browser = await launchBrowser()
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 800 } })
  page = await context.newPage()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('admin shell', () => {
  it('sends a visitor to the login page and translates a failed sign-in', async () => {
    await page.goto(admin('/customers'))
    await page.waitForURL(/\/admin\/login$/)
    await signIn(owner.email, 'wrong-password')
    await page.getByRole('alert').filter({ hasText: 'Email or password is incorrect.' }).waitFor()
    await shot('login-error')
  })

  it('signs in with the keyboard alone and lands on the customers list with rows', async () => {
    await page.getByLabel('Email').focus()
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type(owner.email)
    await page.keyboard.press('Tab')
    await page.keyboard.type(owner.password)
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/admin\/customers$/)
    await rows().first().waitFor()
    expect(await rows().count()).toBe(40)
    expect(await columnHeaders()).toEqual(expect.arrayContaining(['Name', 'External ID', 'Email', 'Locale', 'Created']))
    await sideMenu('Main navigation').getByRole('link', { name: 'Customers' }).waitFor()
    expect(await page.getByRole('main').count()).toBe(1)
    expect(await page.getByRole('banner').getByText('Demo Owner').count()).toBe(1)
    // Created times are shown in the business's time zone from /api/health, not the browser's (UTC).
    await page.getByText(`Times shown in ${businessTimeZone}`).waitFor()
    await shot('customers-list')
  })

  it('sorts by name from the column header', async () => {
    const nameHeader = page.locator('main .ant-table-thead th').filter({ hasText: 'Name' })
    await nameHeader.click()
    await page.waitForURL((url) => url.searchParams.get('sort') === 'name')
    await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('ascending')
    await nameHeader.click()
    await page.waitForURL((url) => url.searchParams.get('sort') === '-name')
    await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('descending')
    await expect.poll(() => rows().count()).toBe(40)
    await page.goto(admin('/customers'))
    await rows().first().waitFor()
  })

  it('filters the table by search', async () => {
    const target = await findCustomerWithEvents(page)
    await page.getByRole('searchbox', { name: 'Search customers' }).fill(target.externalId)
    await expect.poll(() => rows().count()).toBe(1)
    expect(await cellText(0, 1)).toBe(target.externalId)
    await page.waitForURL((url) => url.searchParams.get('q') === target.externalId)
    await shot('customers-search')
  })

  it('opens a customer and shows its profile and events', async () => {
    const externalId = await cellText(0, 1)
    await rows().first().locator('td').nth(2).click()
    await page.waitForURL(/\/admin\/customers\/[^/?]+$/)
    await page.getByRole('heading', { level: 1 }).waitFor()
    await page.locator('.ant-descriptions').getByText(externalId, { exact: true }).first().waitFor()
    const events = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: 'Events' }) })
    await events.locator('tr.ant-table-row').first().waitFor()
    // Demo orders are CNY in minor units, formatted by Intl in the current language.
    await events.getByText(/^Order of CN¥[\d,]+\.\d{2} completed/).first().waitFor()
    await shot('customer-detail')
  })

  it('goes back to the filtered list', async () => {
    await page.getByRole('link', { name: 'Back to customers' }).click()
    await page.waitForURL((url) => url.pathname === '/admin/customers' && url.searchParams.has('q'))
    await expect.poll(() => rows().count()).toBe(1)
  })

  it('shows a not-found result for an unknown customer', async () => {
    await page.goto(admin('/customers/no-such-customer'))
    await page.getByText('Customer not found').waitFor()
    await page.getByText('This customer does not exist.').waitFor()
    await page.getByRole('button', { name: 'Back to customers' }).click()
    await page.waitForURL(/\/admin\/customers$/)
    await expect.poll(() => rows().count()).toBe(40)
  })

  it('switches to 中文 and keeps it after a reload', async () => {
    const zhHeaders = ['姓名', '外部编号', '邮箱', '语言区域', '创建时间']
    await page.getByRole('banner').getByText('中文').click()
    await sideMenu('主导航').getByRole('link', { name: '客户' }).waitFor()
    await expect.poll(columnHeaders).toEqual(expect.arrayContaining(zhHeaders))
    await page.reload()
    await rows().first().waitFor()
    await sideMenu('主导航').getByRole('link', { name: '客户' }).waitFor()
    expect(await columnHeaders()).toEqual(expect.arrayContaining(zhHeaders))
    expect(await page.evaluate(() => [document.documentElement.lang, localStorage.getItem('rapport.admin.language')])).toEqual(['zh-CN', 'zh-CN'])
    await shot('customers-zh-CN')
  })

  it('shows a customer in 中文', async () => {
    await rows().first().locator('td').nth(2).click()
    await page.getByRole('heading', { name: '事件' }).waitFor()
    await page.getByText(/^订单 ¥[\d,]+\.\d{2} 完成/).first().waitFor()
    await shot('customer-detail-zh-CN')
  })

  it('signs out back to the login page', async () => {
    await page.getByRole('banner').getByRole('button', { name: /的账户菜单/ }).click()
    await page.getByRole('menuitem', { name: '退出登录' }).click()
    await page.waitForURL(/\/admin\/login$/)
    await page.getByRole('heading', { name: '登录' }).waitFor()
    await shot('login-zh-CN')
    await page.goto(admin('/customers'))
    await page.waitForURL(/\/admin\/login$/)
  })
})
