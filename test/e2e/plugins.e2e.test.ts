/**
 * The plugins page end to end: the real API server with the SDK's order-stats example plugin (plus
 * a plugin that boots failed and one with a rich config schema, from support/), driven through
 * headless chromium. An owner sees order-stats, gets the server's 422 inline on the settings
 * field, saves a valid value, disables and re-enables it, and reads it in 中文; an analyst only
 * reads. Screenshots land in test-results/plugins-e2e/.
 */
import path from 'node:path'
import { orderStats } from '@rapport/plugin-sdk/examples/order-stats'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot } from './support/ensure-admin-build'
import { startE2eServer, type E2eServer } from './support/e2e-server'
import { launchBrowser } from './support/launch-browser'
import { futurePlugin, settingsShowcase } from './support/settings-showcase-plugin'
import { submitSignIn } from './support/submit-sign-in'

const screenshots = path.join(repoRoot, 'test-results/plugins-e2e')
const owner = { email: 'admin@example.com', password: 'rapport-demo' }
const analyst = { email: 'analyst@example.com', password: 'analyst-password-1', name: 'Ana Analyst', role: 'analyst' }

let server: E2eServer
let browser: Browser
let context: BrowserContext
let page: Page

const admin = (p = '') => `${server.url}/admin${p}`
const pluginRow = (p: Page = page) => p.locator('main tr.ant-table-row').filter({ hasText: 'order-stats' })
const threshold = () => page.getByLabel('thresholdMinor')
const thresholdItem = () => page.locator('.ant-form-item').filter({ has: threshold() })
const toggle = (name = 'Enable order-stats', p: Page = page) => p.getByRole('switch', { name })

/** The plugin as the server has it now, read through the page's own session. */
const serverPlugin = () =>
  page.evaluate(async () => (await (await fetch('/api/v1/plugins/order-stats')).json()) as { state: string; config: { thresholdMinor: number } | null })

/** Waits for spinners, fade-outs and toasts to settle, then takes a full-page screenshot. */
const shot = async (name: string, p: Page = page) => {
  await p.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, .ant-spin-blur, .ant-switch-loading').length === 0)
  await p.waitForTimeout(400)
  await p.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true })
}

const signIn = async (p: Page, { email, password }: { email: string; password: string }) => {
  await p.goto(admin('/login'))
  await submitSignIn(p, email, password)
  await p.waitForURL(/\/admin\/customers$/)
}

beforeAll(async () => {
  server = await startE2eServer({ name: 'plugins-e2e', demo: { customers: 20 }, plugins: [orderStats, futurePlugin, settingsShowcase] })
  browser = await launchBrowser()
  context = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 800 } })
  page = await context.newPage()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await page?.screenshot({ path: path.join(screenshots, `failed-${task.name.replace(/\W+/g, '-')}.png`), fullPage: true })
})

describe('plugins page', () => {
  it('lists order-stats as active with its dependencies and counts', async () => {
    await signIn(page, owner)
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Plugins' }).click()
    await page.waitForURL(/\/admin\/plugins$/)
    await page.getByRole('heading', { level: 1, name: 'Plugins' }).waitFor()
    const row = pluginRow()
    await row.waitFor()
    const cells = await row.locator('td').allInnerTexts()
    // name + namespace, version, state, failures on events, dependencies, profile fields, events, rules (then the switch)
    expect(cells.slice(0, 8).map((c) => c.trim().replace(/\s+/g, ' '))).toEqual([
      'order-stats Namespace orderStats',
      '1.0.0',
      'Active',
      '0',
      '—',
      '3',
      '0',
      '3',
    ])
    expect(await row.locator('.ant-tag-green').textContent()).toBe('Active')
    expect(await toggle().getAttribute('aria-checked')).toBe('true')
    // A plugin that failed to boot is red, with its code and the translated reason.
    const failed = page.locator('main tr.ant-table-row').filter({ hasText: 'future-plugin' })
    expect(await failed.locator('.ant-tag-red').textContent()).toBe('Failed')
    await failed.getByText('PLUGIN_HOST_RANGE', { exact: true }).waitFor()
    await failed.getByText(/^future-plugin needs Rapport \^99; this server is \d+\.\d+\.\d+\.$/).waitFor()
    await shot('plugins-list')
  })

  it('translates a refused enable by its code', async () => {
    const failed = page.locator('main tr.ant-table-row').filter({ hasText: 'future-plugin' })
    await failed.getByRole('button', { name: 'Retry starting future-plugin' }).click()
    await page.getByText(/^future-plugin could not be enabled: .+ \(PLUGIN_HOST_RANGE\)$/).waitFor()
    expect(await failed.locator('.ant-tag-red').textContent()).toBe('Failed')
    await shot('plugins-enable-failed')
    expect(page.url()).toMatch(/\/admin\/plugins$/)
  })

  it('opens the settings with the current value and its default and bounds', async () => {
    await pluginRow().getByRole('link', { name: 'order-stats' }).click()
    await page.waitForURL(/\/admin\/plugins\/order-stats$/)
    await page.getByRole('tab', { name: 'Settings', selected: true }).waitFor()
    expect(await threshold().inputValue()).toBe('100000')
    await thresholdItem().getByText('Default: 100000 · > 0').waitFor()
    await shot('plugin-settings')
  })

  it('shows the server 422 inline on the field and changes nothing else', async () => {
    await threshold().fill('0')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await thresholdItem().locator('.ant-form-item-explain-error').filter({ hasText: 'Too small: expected number to be >0' }).waitFor()
    expect(await threshold().getAttribute('aria-invalid')).toBe('true')
    expect(await threshold().inputValue()).toBe('0')
    expect((await serverPlugin()).config).toEqual({ thresholdMinor: 100000 })
    expect(await page.getByText('Settings saved').count()).toBe(0)
    await shot('plugin-settings-invalid')
  })

  it('saves a valid value', async () => {
    await threshold().fill('5000')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await page.getByText('Settings saved').waitFor()
    await expect.poll(() => thresholdItem().locator('.ant-form-item-explain-error').count()).toBe(0)
    expect((await serverPlugin()).config).toEqual({ thresholdMinor: 5000 })
    await shot('plugin-settings-saved')
  })

  it('shows the profile fields, events and rules tabs', async () => {
    await page.getByRole('tab', { name: /Profile fields/ }).click()
    const fields = page.getByRole('tabpanel').locator('tr.ant-table-row')
    await expect.poll(() => fields.count()).toBe(3)
    await fields.filter({ hasText: 'Big spender' }).filter({ hasText: 'orderStats.bigSpender' }).filter({ hasText: 'boolean' }).waitFor()
    await page.getByRole('tab', { name: /Events/ }).click()
    await page.getByRole('tabpanel').getByText('This plugin declares no events').waitFor()
    await page.getByRole('tab', { name: /Rules/ }).click()
    const rules = page.getByRole('tabpanel').locator('tr.ant-table-row')
    await expect.poll(() => rules.allInnerTexts()).toEqual(['count-orders\t1\torder.completed', 'lifetime-spend\t1\torder.completed', 'big-spender\t1\torder.completed'])
    expect(new URL(page.url()).searchParams.get('tab')).toBe('rules')
    await shot('plugin-rules')
    await page.getByRole('tab', { name: 'Settings' }).click()
  })

  it('previews what the saved threshold would change in profiles, then applies it as rebuild 1', async () => {
    // The profiles were scored with the default threshold; the saved 5000 applies to new orders only until a rebuild.
    const preview = () =>
      page.evaluate(async () => {
        const res = await fetch('/api/v1/plugins/order-stats/preview', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ config: { thresholdMinor: 5000 } }) })
        return (await res.json()) as { customers: number; changedCustomers: number; eventsReplayed: number; fields: { field: string; changed: number }[] }
      })
    const expected = await preview()
    expect(expected.eventsReplayed).toBeGreaterThan(0)
    await page.getByRole('button', { name: 'Preview changes' }).click()
    const summary = `${expected.changedCustomers} of ${expected.customers} customers would change (${expected.eventsReplayed} events replayed).`
    await page.getByText(summary).waitFor()
    const rows = page.getByRole('table', { name: 'Profile fields that would change' }).locator('tr.ant-table-row')
    await expect.poll(() => rows.count()).toBe(expected.fields.length)
    const bigSpender = expected.fields.find((f) => f.field === 'orderStats.bigSpender')!
    expect(await rows.filter({ hasText: 'Big spender' }).textContent()).toContain(String(bigSpender.changed))
    await shot('plugin-preview')

    await page.getByRole('button', { name: 'Apply and rebuild' }).click()
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Apply and rebuild' }).click()
    await page.getByText(`Rebuild 1 applied: ${expected.changedCustomers} customers changed`).waitFor()
    // Applied: the same preview now changes nothing.
    expect((await preview()).changedCustomers).toBe(0)
    await shot('plugin-rebuilt')
  })

  it('disables the plugin, after a confirmation, and shows the new state', async () => {
    await toggle().click()
    // Nothing changes until the owner confirms.
    const confirm = page.getByRole('dialog').filter({ hasText: 'Disable order-stats?' })
    await confirm.waitFor()
    expect((await serverPlugin()).state).toBe('active')
    await confirm.getByRole('button', { name: 'Disable', exact: true }).click()
    await page.getByText('order-stats is disabled').waitFor()
    await page.locator('main h1 ~ .ant-tag').filter({ hasText: 'Disabled' }).waitFor()
    expect(await toggle().getAttribute('aria-checked')).toBe('false')
    expect((await serverPlugin()).state).toBe('disabled')
    // A disabled plugin keeps its stored settings, still editable, and the form says when they apply.
    await page.getByText('The plugin is not running: settings saved now take effect the next time it is enabled.').waitFor()
    expect(await threshold().inputValue()).toBe('5000')
    expect(await threshold().isDisabled()).toBe(false)
    await shot('plugin-disabled')
    await page.getByRole('link', { name: 'Back to plugins' }).click()
    await pluginRow().getByText('Disabled', { exact: true }).waitFor()
    await shot('plugins-list-disabled')
  })

  it('re-enables it from the list, keeping the saved setting', async () => {
    await toggle().click()
    await page.getByText('order-stats is enabled').waitFor()
    await pluginRow().locator('.ant-tag-green').filter({ hasText: 'Active' }).waitFor()
    expect(await toggle().getAttribute('aria-checked')).toBe('true')
    expect(await serverPlugin()).toMatchObject({ state: 'active', config: { thresholdMinor: 5000 } })
    await pluginRow().getByRole('link', { name: 'order-stats' }).click()
    await expect.poll(() => threshold().inputValue()).toBe('5000')
  })

  it('switches to 中文 and translates the page', async () => {
    // Let the English toasts go first, so the screenshots show only Chinese.
    await page.waitForFunction(() => document.querySelector('.ant-message-notice') === null)
    await page.getByRole('banner').getByText('中文').click()
    await page.getByRole('tab', { name: '设置', selected: true }).waitFor()
    await page.getByRole('button', { name: '保存设置' }).waitFor()
    await thresholdItem().getByText('默认值：100000 · > 0').waitFor()
    await page.locator('main h1 ~ .ant-tag').filter({ hasText: '运行中' }).waitFor()
    await shot('plugin-settings-zh-CN')
    await page.getByRole('tab', { name: /画像字段/ }).click()
    await page.getByRole('tabpanel').getByText('高消费客户').waitFor()
    await shot('plugin-profile-fields-zh-CN')
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '插件' }).click()
    await page.waitForURL(/\/admin\/plugins$/)
    await page.getByRole('heading', { level: 1, name: '插件' }).waitFor()
    const headers = await page.locator('main .ant-table-thead th').allInnerTexts()
    expect(headers.map((h) => h.trim())).toEqual(['插件', '版本', '状态', '处理失败', '依赖', '画像字段', '事件', '规则', '启用'])
    await pluginRow().getByText('运行中').waitFor()
    await page.locator('main tr.ant-table-row').filter({ hasText: 'future-plugin' }).getByText(/^future-plugin 需要 Rapport \^99/).waitFor()
    await toggle('启用 order-stats').waitFor()
    await shot('plugins-list-zh-CN')
  })

  it('generates a control for every config shape and puts a nested 422 on its field', async () => {
    await page.goto(admin('/plugins/settings-showcase'))
    const form = page.getByRole('form', { name: 'settings-showcase 的设置' })
    await form.waitFor()
    await form.locator('.ant-select').first().waitFor()
    expect(await form.getByRole('switch').getAttribute('aria-checked')).toBe('true')
    expect(await form.getByLabel('currency').inputValue()).toBe('CNY')
    await form.getByText('ISO 4217 code').waitFor()
    await form.locator('fieldset').filter({ hasText: 'caps' }).getByLabel('perDay').waitFor()
    expect(await form.getByLabel('ratio').inputValue()).toBe('0.5')
    expect(await form.getByLabel('multipliers').inputValue()).toBe('{}')
    await form.getByLabel('perDay').fill('0')
    await form.getByLabel('multipliers').fill('{ "tea": -1 }')
    await form.getByRole('button', { name: '保存设置' }).click()
    const errorOf = (label: string) => form.locator('.ant-form-item').filter({ has: page.getByLabel(label) }).locator('.ant-form-item-explain-error')
    await errorOf('perDay').waitFor()
    await errorOf('multipliers').waitFor()
    await shot('plugin-settings-showcase-zh-CN')
    await form.getByLabel('perDay').fill('')
    await form.getByLabel('multipliers').fill('{ "tea": 2 }')
    await form.getByRole('button', { name: '保存设置' }).click()
    await page.getByText('设置已保存').waitFor()
    expect((await page.evaluate(async () => (await (await fetch('/api/v1/plugins/settings-showcase')).json()) as { config: unknown })).config).toEqual({
      mode: 'percentile',
      autoEnrol: true,
      currency: 'CNY',
      channels: ['email'],
      caps: { ratio: 0.5 },
      multipliers: { tea: 2 },
    })
  })

  it('lets an analyst read but not switch or configure', async () => {
    const created = await page.evaluate(async (user) => {
      const res = await fetch('/api/v1/users', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(user) })
      return res.status
    }, analyst)
    expect(created).toBe(201)
    const analystContext = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 800 } })
    const analystPage = await analystContext.newPage()
    await signIn(analystPage, analyst)
    await analystPage.goto(admin('/plugins'))
    await pluginRow(analystPage).waitFor()
    expect(await toggle('Enable order-stats', analystPage).isDisabled()).toBe(true)
    await analystPage.getByText('Only owners and administrators can switch plugins').waitFor()
    await pluginRow(analystPage).getByRole('link', { name: 'order-stats' }).click()
    await analystPage.getByLabel('thresholdMinor').waitFor()
    expect(await analystPage.getByLabel('thresholdMinor').isDisabled()).toBe(true)
    expect(await analystPage.getByRole('button', { name: 'Save settings' }).count()).toBe(0)
    await shot('plugin-settings-analyst', analystPage)
    await analystContext.close()
  })
})
