/**
 * Admin pages of a plugin from outside the repository (issue 23 item 3): `create-plugin --dir`
 * makes a project in a temporary folder outside the workspace with this checkout's SDK and admin
 * kit packed into it; it is installed and built (`pnpm build`: its admin part as an ES module with
 * React, antd, the router, the query client and the admin kit left external) as a developer would,
 * then loaded as `RAPPORT_PLUGINS` loads it into a started server. In chromium its page shows in its
 * own menu group and renders with the shell's antd and texts, in English and 中文 at 1440x900 and
 * 390x844 (screenshots in test-results/outside-plugin-admin/); disabled, its page leaves the menu.
 * Its bundle is served to signed-in staff only.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pluginsAndAdminBundles } from '@rapport/api'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot } from './support/ensure-admin-build'
import { signInAsDemoOwner, startE2eServer, type E2eServer } from './support/e2e-server'
import { launchBrowser } from './support/launch-browser'

const name = 'outside-admin'
const title = 'Outside Admin'
const outside = mkdtempSync(path.join(tmpdir(), 'rapport-outside-admin-'))
const dir = path.join(outside, name)

let server: E2eServer
let browser: Browser
let page: Page

/** Runs a command in the plugin's folder as its developer would; fails with its output. */
const run = (command: string) => {
  const done = spawnSync('bash', ['-c', command], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production', FORCE_COLOR: '0' } })
  expect(done.status, `${command}\n${done.stdout}${done.stderr}`).toBe(0)
}

const menu = () => page.getByRole('navigation', { name: /Main navigation|主导航/ })

beforeAll(async () => {
  const made = spawnSync(process.execPath, [path.join(repoRoot, 'packages/create-plugin/bin/create-plugin.mjs'), name, '--dir', dir], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, INIT_CWD: repoRoot } })
  expect(made.status, made.stdout + made.stderr).toBe(0)
  run('pnpm install && pnpm build')
  const { plugins, adminBundles } = await pluginsAndAdminBundles([dir])
  expect([...adminBundles.keys()]).toEqual([name])
  server = await startE2eServer({ name: 'outside-plugin-admin', demo: { customers: 10 }, plugins, adminBundles })
  browser = await launchBrowser()
  page = await browser.newPage({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1440, height: 900 } })
}, 300_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  rmSync(outside, { recursive: true, force: true })
})

describe('admin pages of a plugin built outside the repository', () => {
  it('serves its bundle to signed-in staff only', async () => {
    const anonymous = await fetch(`${server.url}/api/v1/plugin-admins`)
    expect(anonymous.status).toBe(401)
    await signInAsDemoOwner(page, server)
    const { items } = await page.evaluate(async () => (await fetch('/api/v1/plugin-admins')).json() as Promise<{ items: { plugin: string; url: string }[] }>)
    expect(items).toEqual([{ plugin: name, url: expect.stringMatching(new RegExp(`^/api/v1/plugin-admins/${name}/0\\.1\\.0-[0-9a-f]{10}/index\\.js$`)) }])
    expect((await fetch(`${server.url}${items[0]!.url}`)).status).toBe(401)
  })

  it('shows its page in its menu group, rendered by the shell, in English and 中文 on a desktop and a phone', async () => {
    for (const [language, placeholder, group] of [['en', 'Customer id', 'Workspace'], ['zh-CN', '客户 ID', '工作台']] as const) {
      await page.evaluate((l) => localStorage.setItem('rapport.admin.language', l), language)
      await page.setViewportSize({ width: 1440, height: 900 })
      await page.goto(server.admin('/customers'))
      await menu().getByRole('link', { name: title }).click()
      await page.waitForURL(new RegExp(`/admin/${name}$`))
      await page.getByRole('heading', { level: 2, name: title }).waitFor()
      await expect.poll(() => page.getByPlaceholder(placeholder).count()).toBe(1)
      // The shell is in that language, and the plugin's entry is in its menu like a built-in plugin's.
      expect(await menu().textContent()).toContain(group)
      expect(await menu().textContent()).toContain(title)
      await page.screenshot({ path: path.join(server.screenshots, `page-${language}-1440.png`), fullPage: true })
      await page.setViewportSize({ width: 390, height: 844 })
      await page.getByRole('heading', { level: 2, name: title }).waitFor()
      await page.screenshot({ path: path.join(server.screenshots, `page-${language}-390.png`), fullPage: true })
    }
  })

  it('lists its admin pages on the plugin page, and takes them away while it is disabled', async () => {
    await page.evaluate((l) => localStorage.setItem('rapport.admin.language', l), 'en')
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.goto(server.admin(`/plugins/${name}`))
    const adminPages = page.locator('.ant-descriptions-item').filter({ hasText: 'Admin pages' })
    await expect.poll(() => adminPages.textContent()).toContain(title)
    const disabled = await page.evaluate(async (n) => (await fetch(`/api/v1/plugins/${n}/disable`, { method: 'POST' })).status, name)
    expect(disabled).toBe(200)
    await page.goto(server.admin('/customers'))
    await page.getByRole('heading', { level: 1 }).waitFor()
    expect(await menu().getByRole('link', { name: title }).count()).toBe(0)
    await page.goto(server.admin(`/plugins/${name}`))
    await page.getByRole('heading', { level: 1 }).waitFor()
    await expect.poll(() => page.locator('.ant-descriptions-item').filter({ hasText: 'Admin pages' }).count()).toBe(0)
    // Its address says it is switched off and leads to its settings, as a built-in plugin's does.
    await page.goto(server.admin(`/${name}`))
    await page.getByText(`The ${name} plugin is switched off`).waitFor()
    expect(await page.getByRole('heading', { level: 2, name: title }).count()).toBe(0)
    expect(await page.getByRole('link', { name: 'Open the plugin' }).getAttribute('href')).toBe(`/admin/plugins/${name}`)
  })
})
