/**
 * A plugin from outside the repository, end to end (issue 23's "Checked by"): `create-plugin --dir`
 * makes a project in a temporary folder outside the workspace, with this checkout's SDK and admin
 * kit packed into it. Its printed next steps run as printed: `pnpm install` (the registry and the
 * packed SDK), then its typecheck, its own tests (SQLite only here; the scaffold's suite runs on
 * PGlite in create-plugin.test.ts) and its build (the admin part as an ES module, with React, antd,
 * the router, the query client and the admin kit left external). Then the printed start command,
 * `RAPPORT_PLUGINS=<folder> pnpm start`, starts a server from the checkout (from source,
 * RAPPORT_FROM_SOURCE=1, where the run-time resolution of `@rapport/*` is the checkout's; the
 * bundle's is checked by apps/api's built-server.test.ts). Over HTTP its route and rule answer and
 * its coded error keeps its code (its `import '@rapport/plugin-sdk'` got the server's SDK, not the
 * copy it installed); its bundle is served to signed-in staff only; in chromium its page shows in
 * its own menu group and its settings form shows its config labels, in English and 中文 at 1440x900
 * and 390x844 (screenshots in test-results/outside-plugin/); disabled, its page leaves the menu.
 * One scaffold, one install, one server.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureAdminBuild, repoRoot } from './support/ensure-admin-build'
import { launchBrowser } from './support/launch-browser'
import { submitSignIn } from './support/submit-sign-in'

const name = 'outside-admin'
const title = 'Outside Admin'
const outside = mkdtempSync(path.join(tmpdir(), 'rapport-outside-'))
const dir = path.join(outside, name)
const data = mkdtempSync(path.join(tmpdir(), 'rapport-outside-data-'))
const screenshots = path.join(repoRoot, 'test-results', 'outside-plugin')
const owner = { email: 'owner@outside.test', password: 'a-long-password' }
const serverEnv = {
  ...process.env, NODE_ENV: 'production', DATABASE_URL: path.join(data, 'rapport.db'), RAPPORT_SECRET: 'outside-plugin-test-secret-0123', RAPPORT_DEMO: '0',
  LOG_LEVEL: 'warn', PORT: '0', RAPPORT_FROM_SOURCE: '1', FORCE_COLOR: '0',
}

let printed = ''
let built = ''
let server: ChildProcess | undefined
let url = ''
let browser: Browser
let page: Page

const admin = (pathname = '') => `${url}/admin${pathname}`
const menu = () => page.getByRole('navigation', { name: /Main navigation|主导航/ })
/** A call from the signed-in page: status and JSON body. */
const call = (method: string, pathname: string, body?: unknown) =>
  page.evaluate(
    async ([m, u, b]) => {
      const res = await fetch(u as string, { method: m as string, ...(b === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) }) })
      return { status: res.status, body: (await res.json()) as any }
    },
    [method, pathname, body] as const,
  )

/** Starts a printed shell command in its own process group; resolves with the server's URL. */
function startServer(command: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', command], { cwd: repoRoot, env: serverEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    const onData = (d: Buffer) => {
      out += d
      const at = /running at (http:\/\/[^/\s]+)/.exec(out)?.[1]
      if (at) resolve({ child, url: at })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => reject(new Error(`server exited early (${code}): ${out}`)))
  })
}

beforeAll(async () => {
  const made = spawnSync(process.execPath, [path.join(repoRoot, 'packages/create-plugin/bin/create-plugin.mjs'), name, '--dir', dir], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, INIT_CWD: repoRoot } })
  expect(made.status, made.stdout + made.stderr).toBe(0)
  printed = made.stdout
  // "Next:" and its indented commands, run as printed; NODE_ENV=production as a developer's shell has no NODE_ENV=test.
  const [, steps = '', start = ''] = /Next:\n((?: {2}.+\n)+)Then load it into Rapport, from [^\n]+:\n {2}(.+)\n/.exec(printed) ?? []
  const run = spawnSync('bash', ['-c', `set -e\n${steps}`], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production', RAPPORT_TEST_DIALECTS: 'sqlite', FORCE_COLOR: '0' } })
  built = stripVTControlCharacters(run.stdout + run.stderr)
  expect(run.status, built).toBe(0)
  ensureAdminBuild()
  mkdirSync(screenshots, { recursive: true })
  const created = spawnSync(process.execPath, [path.join(repoRoot, 'apps/api/bin/rapport.mjs'), 'create-admin', '--email', owner.email, '--name', 'Owner', '--role', 'owner'], { env: { ...serverEnv, RAPPORT_ADMIN_PASSWORD: owner.password }, encoding: 'utf8' })
  expect(created.status, created.stderr).toBe(0)
  const started = await startServer(start)
  server = started.child
  url = started.url
  browser = await launchBrowser()
  page = await browser.newPage({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1440, height: 900 } })
}, 480_000)

afterAll(async () => {
  await browser?.close()
  if (server?.pid) process.kill(-server.pid, 'SIGTERM')
  rmSync(outside, { recursive: true, force: true })
  rmSync(data, { recursive: true, force: true })
})

describe('a plugin built outside the repository', () => {
  it('is a project of its own that installs, typechecks, passes its tests and builds by the printed next steps', () => {
    expect(printed).toContain('a project of its own (SDK: file:./rapport-plugin-sdk-')
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'))
    expect(Object.keys(manifest.devDependencies).sort()).toEqual([
      '@ant-design/icons', '@rapport/admin-kit', '@rapport/plugin-sdk', '@tanstack/react-query', '@types/node', '@types/react', 'antd', 'react', 'react-router', 'tsdown', 'typescript', 'vitest',
    ])
    expect(manifest.dependencies).toBeUndefined()
    const [, steps = '', start = ''] = /Next:\n((?: {2}.+\n)+)Then load it into Rapport, from [^\n]+:\n {2}(.+)\n/.exec(printed) ?? []
    expect(steps.trim().split('\n').map((line) => line.trim())).toEqual([`cd ${dir}`, 'pnpm install', 'pnpm typecheck && pnpm test && pnpm build'])
    expect(start).toBe(`RAPPORT_PLUGINS=${dir} pnpm start`)
    expect(built).toMatch(/Tests\s+8 passed \(8\)/)
  })

  it('serves its route and rule, keeps its coded errors, and serves its bundle to signed-in staff only', async () => {
    expect((await fetch(`${url}/api/v1/plugin-admins`)).status).toBe(401)
    await page.goto(admin('/login'))
    await submitSignIn(page, owner.email, owner.password)
    await page.waitForURL(/\/admin\/customers$/)
    const plugins = await call('GET', '/api/v1/plugins')
    expect(plugins.body.items.find((p: { name: string }) => p.name === name)).toMatchObject({ state: 'active' })
    const customer = await call('POST', '/api/v1/customers', { externalId: 'outside-c1' })
    expect(customer.status).toBe(201)
    const summary = `/api/p/${name}/customers/${customer.body.id}`
    expect(await call('GET', summary)).toMatchObject({ status: 404, body: { error: { code: 'OUTSIDE_ADMIN_NO_ORDERS' } } })
    const order = { id: 'outside-o1', type: 'order.completed', customerExternalId: 'outside-c1', orderId: 'outside-o1', amountMinor: 5_000, currency: 'CNY', occurredAt: '2026-06-01T10:00:00Z' }
    expect((await call('POST', '/api/v1/events', { events: [order] })).body.totals).toMatchObject({ accepted: 1 })
    expect(await call('GET', summary)).toEqual({ status: 200, body: { customerId: customer.body.id, orders: 1, loyal: false } })

    const { items } = (await call('GET', '/api/v1/plugin-admins')).body as { items: { plugin: string; url: string }[] }
    expect(items).toEqual([{ plugin: name, url: expect.stringMatching(new RegExp(`^/api/v1/plugin-admins/${name}/0\\.1\\.0-[0-9a-f]{10}/index\\.js$`)) }])
    expect((await fetch(`${url}${items[0]!.url}`)).status).toBe(401)
    const bundle = await page.evaluate(async (u) => {
      const res = await fetch(u)
      return { status: res.status, type: res.headers.get('content-type'), text: await res.text() }
    }, items[0]!.url)
    expect([bundle.status, bundle.type]).toEqual([200, 'text/javascript; charset=utf-8'])
    expect(bundle.text).toContain('@rapport/admin-kit')
  })

  it('shows its page in its menu group and its settings by their labels, in English and 中文 on a desktop and a phone', async () => {
    const texts = [
      { language: 'en', placeholder: 'Customer id', group: 'Workspace', setting: 'Orders to count as loyal' },
      { language: 'zh-CN', placeholder: '客户 ID', group: '工作台', setting: '成为忠诚客户的订单数' },
    ] as const
    for (const { language, placeholder, group, setting } of texts) {
      await page.evaluate((l) => localStorage.setItem('rapport.admin.language', l), language)
      await page.setViewportSize({ width: 1440, height: 900 })
      await page.goto(admin('/customers'))
      await menu().getByRole('link', { name: title }).click()
      await page.waitForURL(new RegExp(`/admin/${name}$`))
      await page.getByRole('heading', { level: 2, name: title }).waitFor()
      await expect.poll(() => page.getByPlaceholder(placeholder).count()).toBe(1)
      // The shell is in that language, and the plugin's entry is in its menu like a built-in plugin's.
      expect(await menu().textContent()).toContain(group)
      expect(await menu().textContent()).toContain(title)
      await page.screenshot({ path: path.join(screenshots, `page-${language}-1440.png`), fullPage: true })
      await page.setViewportSize({ width: 390, height: 844 })
      await page.getByRole('heading', { level: 2, name: title }).waitFor()
      await page.screenshot({ path: path.join(screenshots, `page-${language}-390.png`), fullPage: true })
      // Its settings form names its config field as the plugin labelled it, not by the key.
      await page.setViewportSize({ width: 1440, height: 900 })
      await page.goto(admin(`/plugins/${name}`))
      await page.getByLabel(setting).waitFor()
      expect(await page.locator('form .ant-form-item-label code').count()).toBe(0)
      await page.screenshot({ path: path.join(screenshots, `settings-${language}-1440.png`), fullPage: true })
    }
  })

  it('lists its admin pages on the plugin page, and takes them away while it is disabled', async () => {
    await page.evaluate((l) => localStorage.setItem('rapport.admin.language', l), 'en')
    await page.goto(admin(`/plugins/${name}`))
    const adminPages = page.locator('.ant-descriptions-item').filter({ hasText: 'Admin pages' })
    await expect.poll(() => adminPages.textContent()).toContain(title)
    expect((await call('POST', `/api/v1/plugins/${name}/disable`)).status).toBe(200)
    await page.goto(admin('/customers'))
    await page.getByRole('heading', { level: 1 }).waitFor()
    expect(await menu().getByRole('link', { name: title }).count()).toBe(0)
    await page.goto(admin(`/plugins/${name}`))
    await page.getByRole('heading', { level: 1 }).waitFor()
    await expect.poll(() => page.locator('.ant-descriptions-item').filter({ hasText: 'Admin pages' }).count()).toBe(0)
    // Its address says it is switched off and leads to its settings, as a built-in plugin's does.
    await page.goto(admin(`/${name}`))
    await page.getByText(`The ${name} plugin is switched off`).waitFor()
    expect(await page.getByRole('heading', { level: 2, name: title }).count()).toBe(0)
    expect(await page.getByRole('link', { name: 'Open the plugin' }).getAttribute('href')).toBe(`/admin/plugins/${name}`)
  })
})
