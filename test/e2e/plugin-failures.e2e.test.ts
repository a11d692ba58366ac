/**
 * A plugin failing on orders, seen from the plugins page: the real API server with every built-in
 * plugin and the `flaky` fixture (support/flaky-plugin.ts), quarantined after 3 failures. Poisoned
 * orders are accepted; the list shows flaky's failure count, how close it is to being stopped and
 * its last error in words; after the third failure it is Failed with the reason; its page tells
 * the whole story; Retry switches it on again and the counter starts over. In English and 中文.
 * Screenshots land in test-results/plugin-failures-e2e/.
 */
import path from 'node:path'
import { installedPlugins } from '@rapport/api'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { flakyPlugin } from '../support/flaky-plugin'
import { signInAsDemoOwner, startE2eServer, type E2eServer } from './support/e2e-server'
import { launchBrowser } from './support/launch-browser'

let server: E2eServer
let browser: Browser
let context: BrowserContext
let page: Page
/** Orders flaky had recorded after the first batch (demo orders included). */
let recordedBefore = 0

const flakyRow = () => page.locator('main tr.ant-table-row').filter({ has: page.getByRole('link', { name: 'flaky', exact: true }) })

/** Waits for spinners, fade-outs and toasts to settle, then takes a full-page screenshot. */
const shot = async (name: string) => {
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, .ant-spin-blur, .ant-switch-loading').length === 0)
  await page.waitForTimeout(400)
  await page.screenshot({ path: path.join(server.screenshots, `${name}.png`), fullPage: true })
}

/** Posts orders through the page's own session; every one must be accepted. */
const postOrders = async (ids: string[]) => {
  const statuses = await page.evaluate(async (orderIds) => {
    const events = orderIds.map((id) => ({ id, type: 'order.completed', customerExternalId: 'e2e-flaky-customer', orderId: id, amountMinor: 1999, currency: 'CNY', occurredAt: new Date().toISOString() }))
    const res = await fetch('/api/v1/events', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ events }) })
    return res.status === 200 ? ((await res.json()) as { results: Array<{ status: string }> }).results.map((r) => r.status) : [`HTTP ${res.status}`]
  }, ids)
  expect(statuses).toEqual(ids.map(() => 'accepted'))
}

const flakyOrders = () => page.evaluate(async () => ((await (await fetch('/api/p/flaky/orders')).json()) as { count: number }).count)
const flakyState = () => page.evaluate(async () => ((await (await fetch('/api/v1/plugins/flaky')).json()) as { state: string }).state)

beforeAll(async () => {
  server = await startE2eServer({ name: 'plugin-failures-e2e', demo: { customers: 20 }, plugins: [...installedPlugins, flakyPlugin({ healthy: false })], pluginFailures: { limit: 3, windowMinutes: 60 } })
  browser = await launchBrowser()
  context = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1440, height: 900 } })
  page = await context.newPage()
  await signInAsDemoOwner(page, server)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await page?.screenshot({ path: path.join(server.screenshots, `failed-${task.name.replace(/\W+/g, '-')}.png`), fullPage: true })
})

describe('a plugin failing on orders', () => {
  it('keeps the poisoned orders and lists the failures with the last error in words', async () => {
    await postOrders(['e2e-good-1', 'poison-throw-e2e-1', 'poison-unknown-e2e-1', 'e2e-good-2'])
    await page.goto(server.admin('/plugins'))
    const row = flakyRow()
    await row.waitFor()
    await row.getByText('2 in all', { exact: true }).waitFor()
    await row.getByText('2 of 3 within 60 min before it is stopped', { exact: true }).waitFor()
    await row.getByText('Rule spend failed on order.completed: flaky tried to change flaky.nope, a profile field no plugin declares.', { exact: true }).waitFor()
    expect(await row.locator('.ant-tag-green').textContent()).toBe('Active')
    // Plugins that never failed say 0.
    const tiering = page.locator('main tr.ant-table-row').filter({ has: page.getByRole('link', { name: 'tiering', exact: true }) })
    expect((await tiering.locator('td').nth(3).textContent())?.trim()).toBe('0')
    recordedBefore = await flakyOrders()
    await shot('plugins-list-failures')
  })

  it('shows the plugin stopped after the third failure, with why, while the orders keep coming in', async () => {
    await postOrders(['poison-throw-e2e-2', 'e2e-good-3'])
    await expect.poll(flakyState).toBe('failed')
    await page.reload()
    const row = flakyRow()
    await row.locator('.ant-tag-red').filter({ hasText: 'Failed' }).waitFor()
    await row.getByText('PLUGIN_QUARANTINED', { exact: true }).waitFor()
    await row.getByText('flaky was stopped: it failed on 3 events within 60 minutes. The other plugins keep working. Fix it, then switch it on again: it catches up on the events it missed.', { exact: true }).waitFor()
    await row.getByText('Rule spend failed on order.completed: spend rule exploded on a poisoned order', { exact: true }).waitFor()
    await shot('plugins-list-quarantined')

    await row.getByRole('link', { name: 'flaky', exact: true }).click()
    await page.waitForURL(/\/admin\/plugins\/flaky$/)
    const card = page.locator('.ant-card').filter({ hasText: 'Failures on events' })
    await card.getByText(/^flaky failed on 3 events\. Each time only its own work on that event was dropped/).waitFor()
    await card.getByText('PLUGIN_HANDLER_FAILED', { exact: true }).waitFor()
    await card.getByText(/^order\.completed · evt_/).waitFor()
    await shot('plugin-page-quarantined')
  })

  it('says the same in 中文', async () => {
    await page.getByRole('banner').getByText('中文').click()
    const card = page.locator('.ant-card').filter({ hasText: '事件处理失败' })
    await card.getByText(/^flaky 有 3 个事件处理失败。每次只丢弃它自己对该事件的处理/).waitFor()
    await card.getByText('规则 spend 处理 order.completed 事件时出错：spend rule exploded on a poisoned order', { exact: true }).waitFor()
    await page.getByText('flaky 已被停用：它在 60 分钟内有 3 个事件处理失败。其他插件照常工作。修复后重新启用，它会补处理错过的事件。', { exact: true }).waitFor()
    await shot('plugin-page-quarantined-zh-CN')
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '插件' }).click()
    await page.waitForURL(/\/admin\/plugins$/)
    const row = flakyRow()
    await row.getByText('共 3 次', { exact: true }).waitFor()
    await row.getByText('60 分钟内 3 次，达到 3 次将被停用', { exact: true }).waitFor()
    const headers = await page.locator('main .ant-table-thead th').allInnerTexts()
    expect(headers.map((h) => h.trim())).toEqual(['插件', '版本', '状态', '处理失败', '依赖', '画像字段', '事件', '规则', '启用'])
    await shot('plugins-list-quarantined-zh-CN')
  })

  it('switches it on again with Retry: it catches up and its failures stop counting', async () => {
    await flakyRow().getByRole('button', { name: '重新启动 flaky' }).click()
    await page.getByText('flaky 已启用').waitFor()
    const row = flakyRow()
    await row.getByText('运行中', { exact: true }).waitFor()
    await row.getByText('60 分钟内 0 次，达到 3 次将被停用', { exact: true }).waitFor()
    const flaky = await page.evaluate(async () => (await (await fetch('/api/v1/plugins/flaky')).json()) as { state: string; failures: { total: number; recent: number } })
    expect(flaky).toMatchObject({ state: 'active', failures: { total: 3, recent: 0 } })
    // The catch-up recorded every order flaky missed: the three poisoned ones and the one after the stop.
    expect(await flakyOrders()).toBe(recordedBefore + 4)
    await shot('plugins-list-enabled-again-zh-CN')
  })
})
