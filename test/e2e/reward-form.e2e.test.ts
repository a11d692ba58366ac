/**
 * The reward form in the admin edits what was API-only: a reward's value by kind (face value, a
 * percentage, a product), the exclusive-tier flag and the birthday coupon (the plugin config's
 * `birthdayBonus.rewardId`), labelled in English and 中文, at 1440×900 (and the 中文 dialog at 390×844).
 * Screenshots land in test-results/reward-form-e2e/.
 */
import path from 'node:path'
import pointsMembership from '@rapport/plugin-points-membership/server'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureAdminBuild } from './support/ensure-admin-build'
import { signInAsDemoOwner, startE2eServer, type E2eServer } from './support/e2e-server'
import { launchBrowser } from './support/launch-browser'
import { type AxeFinding, describeFindings, seriousViolations } from './support/run-axe'

let server: E2eServer
let browser: Browser
const findings: AxeFinding[] = []

beforeAll(async () => {
  ensureAdminBuild()
  server = await startE2eServer({ name: 'reward-form-e2e', demo: { customers: 10 }, plugins: [pointsMembership] })
  browser = await launchBrowser()
}, 240_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** A signed-in owner's page in a language and size. */
async function ownerPage(locale: 'en-US' | 'zh-CN', viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Shanghai', viewport })
  const page = await context.newPage()
  await signInAsDemoOwner(page, server)
  await page.evaluate((l) => localStorage.setItem('rapport.admin.language', l), locale === 'zh-CN' ? 'zh-CN' : 'en')
  await page.goto(server.admin('/points-membership/rewards'), { timeout: 90_000 })
  return page
}
const api = <T>(page: Page, url: string) => page.evaluate(async (u) => (await (await fetch(u)).json()) as unknown, url) as Promise<T>

type Reward = { id: string; kind: string; value: unknown; exclusive: boolean }

describe('the reward form', () => {
  it('adds a discount with its percentage, exclusive to tiers, as the birthday coupon (en, desktop)', async () => {
    const page = await ownerPage('en-US', { width: 1440, height: 900 })
    await page.getByRole('button', { name: 'Add a reward' }).click()
    const modal = page.getByRole('dialog', { name: 'Add a reward' })
    await modal.getByRole('textbox', { name: 'Id' }).fill('birthday-15')
    await modal.getByRole('textbox', { name: 'Name' }).fill('Birthday 15% off')
    await modal.getByRole('combobox', { name: 'Kind' }).click()
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: 'Discount' }).click()
    await modal.getByRole('spinbutton', { name: 'Percentage off' }).fill('15')
    await modal.getByRole('spinbutton', { name: 'Cost (points)' }).fill('500')
    await modal.getByRole('switch', { name: 'Exclusive to tiers' }).click()
    await modal.getByRole('switch', { name: 'Birthday coupon' }).click()
    await expect.poll(() => modal.getByRole('switch', { name: 'Birthday coupon' }).getAttribute('aria-checked')).toBe('true')
    // Without animations disabled the shot caught the switch at the start of its 0.2 s slide, still drawn off.
    await page.screenshot({ path: path.join(server.screenshots, 'reward-form-en-1440.png'), animations: 'disabled' })
    findings.push(...(await seriousViolations(page, 'reward-form-en-1440')))
    await modal.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => page.locator('main tr.ant-table-row').filter({ hasText: 'Birthday 15% off' }).count()).toBe(1)
    const rewards = (await api<{ items: Reward[] }>(page, '/api/p/points-membership/rewards')).items
    expect(rewards.find((r) => r.id === 'birthday-15')).toMatchObject({ kind: 'discount', value: { type: 'percent', percent: 15 }, exclusive: true })
    const plugin = await api<{ config: { birthdayBonus: { rewardId?: string } } }>(page, '/api/v1/plugins/points-membership')
    expect(plugin.config.birthdayBonus.rewardId).toBe('birthday-15')
    // The list shows the value, the exclusive flag and the birthday coupon (then active) as labels.
    const row = page.locator('main tr.ant-table-row').filter({ hasText: 'Birthday 15% off' })
    await expect.poll(() => row.locator('.ant-tag').allInnerTexts()).toEqual(['Yes', 'Yes', 'Yes'])
    expect(await row.innerText()).toContain('15% off')
    for (const heading of ['Value', 'Exclusive to tiers', 'Birthday coupon']) expect(await page.getByRole('columnheader', { name: heading }).count()).toBe(1)
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: path.join(server.screenshots, 'reward-list-en-390.png'), animations: 'disabled' })
    await page.setViewportSize({ width: 1440, height: 900 })
    // Reopened, the form shows what was saved: the switch waits for the config as it is now.
    await row.getByRole('button', { name: 'Edit Birthday 15% off' }).click()
    const reopened = page.getByRole('dialog', { name: 'Edit Birthday 15% off' })
    const coupon = reopened.getByRole('switch', { name: 'Birthday coupon' })
    await expect.poll(() => coupon.isEnabled()).toBe(true)
    expect(await coupon.getAttribute('aria-checked')).toBe('true')
    expect(await reopened.getByRole('switch', { name: 'Exclusive to tiers' }).getAttribute('aria-checked')).toBe('true')
    await page.screenshot({ path: path.join(server.screenshots, 'reward-form-en-1440-reopened.png'), animations: 'disabled' })
    await page.context().close()
  })

  it('edits a voucher face value in 中文, and takes the birthday coupon off (the dialog also at phone size)', async () => {
    const page = await ownerPage('zh-CN', { width: 1440, height: 900 })
    // Its own reward through the API as before this form.
    await page.evaluate(async () => {
      await fetch('/api/p/points-membership/rewards', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: 'cake', name: 'Cake', costPoints: 300, kind: 'discount', value: { type: 'percent', percent: 10 } }) })
    })
    await page.reload({ timeout: 90_000 })
    const cakeRow = page.locator('main tr.ant-table-row').filter({ hasText: 'Cake' })
    await expect.poll(() => cakeRow.count(), { timeout: 30_000 }).toBe(1)
    const modal = page.getByRole('dialog')
    const coupon = modal.getByRole('switch', { name: '生日券' })
    await cakeRow.getByRole('button', { name: '编辑 Cake' }).click()
    await expect.poll(() => coupon.isEnabled()).toBe(true)
    expect(await coupon.getAttribute('aria-checked')).toBe('false')
    await modal.getByRole('button', { name: /取\s*消/ }).click()
    // Meanwhile the config changes elsewhere (another admin, the settings page): Cake becomes the birthday coupon and the signup bonus 77.
    await page.evaluate(async () => {
      const json = { 'Content-Type': 'application/json' }
      const { config } = (await (await fetch('/api/v1/plugins/points-membership')).json()) as { config: Record<string, Record<string, unknown>> }
      await fetch('/api/v1/plugins/points-membership/config', { method: 'PUT', headers: json, body: JSON.stringify({ ...config, signupBonus: 77, birthdayBonus: { ...config.birthdayBonus, rewardId: 'cake' } }) })
    })
    // Reopened within the admin's 30 s staleTime, the form showed the cached config (the switch off) and saved it back whole.
    await cakeRow.getByRole('button', { name: '编辑 Cake' }).click()
    await expect.poll(() => coupon.isEnabled()).toBe(true)
    expect(await coupon.getAttribute('aria-checked')).toBe('true')
    await expect.poll(() => cakeRow.locator('.ant-tag').allInnerTexts()).toEqual(['否', '是', '是'])
    await modal.getByRole('combobox', { name: '类型' }).click()
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '代金券' }).click()
    await modal.getByRole('spinbutton', { name: '面额' }).fill('12.5')
    await coupon.click()
    await expect.poll(() => coupon.getAttribute('aria-checked')).toBe('false')
    await page.screenshot({ path: path.join(server.screenshots, 'reward-form-zh-1440.png'), animations: 'disabled' })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: path.join(server.screenshots, 'reward-form-zh-390.png'), fullPage: true })
    findings.push(...(await seriousViolations(page, 'reward-form-zh-390')))
    await modal.getByRole('button', { name: /保\s*存/ }).click()
    await expect.poll(async () => (await api<{ items: Reward[] }>(page, '/api/p/points-membership/rewards')).items.find((r) => r.id === 'cake')?.value)
      .toEqual({ type: 'amount', amountMinor: 1_250, currency: 'CNY' })
    const plugin = await api<{ config: { birthdayBonus: { rewardId?: string }; signupBonus: number } }>(page, '/api/v1/plugins/points-membership')
    expect(plugin.config.birthdayBonus.rewardId).toBeUndefined()
    expect(plugin.config.signupBonus).toBe(77)
    await page.setViewportSize({ width: 1440, height: 900 })
    await expect.poll(() => cakeRow.locator('.ant-tag').allInnerTexts()).toEqual(['否', '否', '是'])
    expect(await cakeRow.innerText()).toContain('¥12.50')
    await page.screenshot({ path: path.join(server.screenshots, 'reward-list-zh-1440.png'), animations: 'disabled' })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: path.join(server.screenshots, 'reward-list-zh-390.png'), animations: 'disabled' })
    await page.setViewportSize({ width: 1440, height: 900 })
    await cakeRow.getByRole('button', { name: '编辑 Cake' }).click()
    await expect.poll(() => coupon.isEnabled()).toBe(true)
    expect(await coupon.getAttribute('aria-checked')).toBe('false')
    await page.context().close()
  })

  it('has no serious or critical accessibility violations', () => {
    expect(findings, describeFindings(findings)).toEqual([])
  })
})
