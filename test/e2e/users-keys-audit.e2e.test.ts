/**
 * Users, API keys and the audit log end to end, on the real API server with demo data: the owner
 * adds an agent (a duplicate email is refused on the email field), the last owner cannot demote
 * themself and an admin cannot demote an owner (the server's coded messages are shown); the agent
 * signs in elsewhere and has no Users menu and a 403 page on a direct visit; the owner creates an
 * API key, sees it once, the test calls the API with it (200), revokes it (401); the audit page
 * lists these changes and its filters narrow them. Screenshots in both languages land in
 * test-results/users-keys-audit-e2e/.
 */
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot } from './support/ensure-admin-build'
import { startE2eServer, type E2eServer } from './support/e2e-server'
import { launchBrowser } from './support/launch-browser'
import { submitSignIn } from './support/submit-sign-in'

const screenshots = path.join(repoRoot, 'test-results/users-keys-audit-e2e')
const owner = { email: 'admin@example.com', password: 'rapport-demo', name: 'Demo Owner' }
const agent = { email: 'li.agent@example.com', password: 'agent-password-1', name: 'Li Agent' }
const admin2 = { email: 'ada.admin@example.com', password: 'admin-password-1', name: 'Ada Admin', role: 'admin' }

let server: E2eServer
let browser: Browser
let context: BrowserContext
let page: Page
let apiKey = ''

const admin = (p = '') => `${server.url}/admin${p}`
const menuItem = (name: string, p: Page = page) => p.getByRole('navigation').getByRole('link', { name, exact: true })
const rows = (p: Page = page) => p.locator('main tr.ant-table-row')
const dialog = () => page.getByRole('dialog')

/** Calls the API with the page's own session (same origin, so the CSRF check passes). */
const api = <T>(method: string, url: string, body?: unknown) =>
  page.evaluate(
    async ([m, u, b]) => {
      const res = await fetch(u as string, { method: m as string, headers: b ? { 'content-type': 'application/json' } : {}, body: b ? JSON.stringify(b) : null })
      return (await res.json()) as unknown
    },
    [method, url, body] as const,
  ) as Promise<T>

/** Calls the API from the test itself, as another system would, with an API key. */
const callWithKey = (key: string) => fetch(`${server.url}/api/v1/customers?limit=1`, { headers: { authorization: `Bearer ${key}` } })

const shot = async (name: string, p: Page = page) => {
  await p.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, .ant-spin-blur, .ant-btn-loading').length === 0)
  await p.waitForTimeout(500)
  await p.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true })
}

const signIn = async (p: Page, { email, password }: { email: string; password: string }) => {
  await p.goto(admin('/login'))
  await submitSignIn(p, email, password)
  await p.waitForURL(/\/admin\/customers$/)
}

/**
 * Opens an antd select by its label and picks the option showing `option`. A text option is typed
 * into the select's search first: the list is virtual and reopens scrolled to the last option
 * picked, so an option above it (User created, after API key created) is not in the page at all.
 */
const pick = async (label: string, option: string | RegExp, p: Page = page) => {
  await p.getByLabel(label, { exact: true }).click()
  if (typeof option === 'string') await p.keyboard.type(option)
  await p.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option }).click()
}

beforeAll(async () => {
  server = await startE2eServer({ name: 'users-keys-audit-e2e', demo: { customers: 20 } })
  browser = await launchBrowser()
  context = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 860 } })
  page = await context.newPage()
  await signIn(page, owner)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await page?.screenshot({ path: path.join(screenshots, `failed-${task.name.replace(/\W+/g, '-')}.png`), fullPage: true })
})

describe('users and roles', () => {
  it('adds an agent; a taken email is refused on the email field', async () => {
    await menuItem('Users and roles').click()
    await page.waitForURL(/\/admin\/users$/)
    await expect.poll(() => rows().filter({ hasText: owner.name }).count()).toBe(1)
    await page.getByRole('button', { name: 'Add a user' }).click()
    await dialog().getByLabel('Name').fill(agent.name)
    await dialog().getByLabel('Email').fill(owner.email)
    await dialog().getByLabel('Initial password').fill('short')
    await dialog().getByRole('button', { name: 'Create user' }).click()
    // The password rule is checked before sending; the email only the server can refuse.
    await expect.poll(() => dialog().textContent()).toContain('At least 10 and at most 200 characters.')
    await dialog().getByLabel('Initial password').fill(agent.password)
    await dialog().getByRole('button', { name: 'Create user' }).click()
    const emailItem = dialog().locator('.ant-form-item').filter({ has: page.getByLabel('Email') })
    await expect.poll(() => emailItem.locator('.ant-form-item-explain-error').textContent()).toBe(`A user with the email ${owner.email} already exists.`)
    await shot('add-user-duplicate-en')
    await dialog().getByLabel('Email').fill(agent.email)
    await dialog().getByRole('button', { name: 'Create user' }).click()
    await expect.poll(() => rows().filter({ hasText: agent.email }).count()).toBe(1)
    expect(await page.getByRole('combobox', { name: `Role of ${agent.name}` }).count()).toBe(1)
    expect(await rows().filter({ hasText: agent.email }).textContent()).toContain('Agent')
    await shot('users-en')
  })

  it("shows the server's coded message when the last owner would be demoted", async () => {
    await pick(`Role of ${owner.name}`, /^Analyst$/)
    const refusal = page.getByRole('alert').filter({ hasText: 'Could not change' })
    await expect.poll(() => refusal.textContent()).toContain(`Could not change ${owner.name}: The last active owner cannot be demoted or disabled.`)
    expect(await rows().filter({ hasText: owner.email }).textContent()).toContain('Owner')
    await shot('last-owner-en')
  })

  it('an admin cannot demote an owner, and is told only an owner can', async () => {
    await api('POST', '/api/v1/users', admin2)
    const other = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 860 } })
    const p = await other.newPage()
    await signIn(p, admin2)
    await menuItem('Users and roles', p).click()
    await pick(`Role of ${owner.name}`, /^Agent$/, p)
    await expect.poll(() => p.getByRole('alert').filter({ hasText: 'Could not change' }).textContent()).toContain('Only an owner can change an owner, or make someone an owner.')
    await shot('admin-demotes-owner-en', p)
    await other.close()
  })

  it('the agent, signed in elsewhere, has no Users menu and gets a 403 page on a direct visit', async () => {
    const other = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 860 } })
    const p = await other.newPage()
    await signIn(p, agent)
    await expect.poll(() => menuItem('Customers', p).count()).toBe(1)
    for (const hidden of ['Users and roles', 'API keys', 'Audit log']) expect(await menuItem(hidden, p).count()).toBe(0)
    for (const direct of ['/users', '/api-keys', '/audit']) {
      await p.goto(admin(direct))
      await expect.poll(() => p.locator('main .ant-result-403').textContent()).toContain('You do not have permission to do this.')
    }
    await shot('agent-403-en', p)
    await other.close()
  })
})

describe('API keys', () => {
  it('creates a key with a scope, shows it once, and the key reads customers', async () => {
    await menuItem('API keys').click()
    await page.waitForURL(/\/admin\/api-keys$/)
    await page.getByRole('button', { name: 'Create a key' }).click()
    await dialog().getByLabel('Name').fill('Shop sync')
    await dialog().getByRole('checkbox', { name: /customers:read/ }).check()
    await dialog().getByRole('button', { name: 'Create key' }).click()
    const shown = page.getByRole('dialog', { name: 'Key "Shop sync" created' })
    await shown.waitFor()
    apiKey = await shown.getByLabel('API key').inputValue()
    expect(apiKey).toMatch(/^rk_[0-9a-f]{16}\.[A-Za-z0-9_-]{20,}$/)
    expect(await shown.textContent()).toContain('it will not be shown again')
    expect(await shown.getByRole('button', { name: 'Copy' }).count()).toBe(1)
    await shot('key-shown-en')
    await shown.getByRole('button', { name: 'I have copied it' }).click()
    await shown.waitFor({ state: 'hidden' })
    expect(await page.content()).not.toContain(apiKey)
    const row = rows().filter({ hasText: 'Shop sync' })
    await expect.poll(() => row.textContent()).toContain('customers:read')
    expect(await row.textContent()).toContain('Active')
    const res = await callWithKey(apiKey)
    expect(res.status).toBe(200)
    expect(((await res.json()) as { items: unknown[] }).items).toHaveLength(1)
    await shot('keys-en')
  })

  it('revokes the key after confirmation, and the key stops working', async () => {
    await page.getByRole('button', { name: 'Revoke Shop sync' }).click()
    const confirm = page.locator('.ant-popconfirm')
    await expect.poll(() => confirm.textContent()).toContain('Revoke the key Shop sync?')
    await confirm.getByRole('button', { name: 'Revoke' }).click()
    await expect.poll(() => rows().filter({ hasText: 'Shop sync' }).textContent()).toContain('Revoked')
    expect(await page.getByRole('button', { name: 'Revoke Shop sync' }).count()).toBe(0)
    const res = await callWithKey(apiKey)
    expect(res.status).toBe(401)
  })
})

describe('audit log', () => {
  it('lists who changed what, and the filters narrow it', async () => {
    await menuItem('Audit log').click()
    await page.waitForURL(/\/admin\/audit$/)
    await expect.poll(() => rows().first().textContent()).toContain('API key revoked')
    const text = await page.locator('main table').textContent()
    for (const action of ['API key created', 'User created']) expect(text).toContain(action)
    await shot('audit-en')

    await pick('Action', 'API key created')
    await expect.poll(() => rows().count()).toBe(1)
    expect(await rows().first().textContent()).toContain('Shop sync')
    await page.getByRole('button', { name: 'Show details of API key created' }).click()
    await expect.poll(() => page.locator('main .ant-descriptions').textContent()).toContain('customers:read')
    await shot('audit-filter-action-en')

    await page.getByRole('button', { name: 'Clear filters' }).click()
    const me = await api<{ user: { id: string } }>('GET', '/api/v1/auth/me')
    const byOwner = await api<{ items: unknown[] }>('GET', `/api/v1/audit?actor=${me.user.id}&limit=200`)
    await pick('Who', owner.name)
    await expect.poll(() => rows().count()).toBe(byOwner.items.length)
    await pick('Action', 'User created')
    await expect.poll(() => rows().count()).toBe(2)
    expect(await page.locator('main table').textContent()).toContain(agent.name)

    await page.getByRole('button', { name: 'Clear filters' }).click()
    await page.getByLabel('Days').click()
    await page.getByLabel('Days').fill('2020-01-01')
    await page.keyboard.press('Enter')
    await page.locator('#audit-dates-end').fill('2020-01-31')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('main').textContent()).toContain('No changes match these filters')
    await page.getByRole('button', { name: 'Clear filters' }).click()
    await expect.poll(() => rows().count()).toBeGreaterThan(3)
  })

  it('reads in 中文', async () => {
    await page.getByRole('banner').getByText('中文').click()
    await expect.poll(() => page.getByRole('heading', { name: '审计日志', level: 1 }).count()).toBe(1)
    await expect.poll(() => rows().first().textContent()).toContain('吊销 API 密钥')
    await shot('audit-zh')
    await menuItem('用户与角色').click()
    await expect.poll(() => rows().filter({ hasText: agent.email }).textContent()).toContain('客服')
    await shot('users-zh')
    await page.getByRole('button', { name: '添加用户' }).click()
    await dialog().getByRole('button', { name: '创建用户' }).click()
    await expect.poll(() => dialog().textContent()).toContain('请输入姓名')
    await shot('add-user-zh')
    await page.keyboard.press('Escape')
    await menuItem('API 密钥').click()
    await expect.poll(() => rows().filter({ hasText: 'Shop sync' }).textContent()).toContain('吊销')
    await shot('keys-zh')
  })
})
