/**
 * @module
 * The Rapport server one browser test file runs against: the admin built as its sources are now,
 * a fresh SQLite file in the temporary folder with the demo data (and its demo owner), and the
 * file's screenshot folder under test-results/. `close()` stops the server and removes the file.
 */
import { mkdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startServer, type RunningServer, type StartOptions } from '@rapport/api'
import type { Browser, Page } from 'playwright-core'
import { ensureAdminBuild, repoRoot } from './ensure-admin-build'
import { launchBrowser } from './launch-browser'
import { submitSignIn } from './submit-sign-in'

/** What a test file chooses; the rest (port, database, secret, log level) is the same for all. */
export type E2eServerOptions = Pick<StartOptions, 'demo' | 'plugins' | 'timeZone' | 'pluginFailures' | 'adminBundles'> & {
  /** Names the database file, the secret and test-results/<name>/ for the screenshots. */
  name: string
  /**
   * Plugins installed but switched off, never having run: the demo data is written without them
   * (a first start without those plugins), as on a shop that has history before it turns one on.
   */
  neverEnabled?: readonly string[]
}

export type E2eServer = RunningServer & {
  /** The admin URL of `page` (e.g. '/tiering'). */
  admin(page?: string): string
  /** Where this file's screenshots go. */
  screenshots: string
}

/**
 * Starts the server on a loopback port.
 * @example
 * server = await startE2eServer({ name: 'tiering-e2e', demo: { customers: 80 }, plugins: [tiering] })
 */
export async function startE2eServer({ name, neverEnabled = [], ...options }: E2eServerOptions): Promise<E2eServer> {
  ensureAdminBuild()
  const screenshots = path.join(repoRoot, 'test-results', name)
  mkdirSync(screenshots, { recursive: true })
  const dbFile = path.join(os.tmpdir(), `rapport-${name}-${process.pid}-${Date.now()}.db`)
  const start = (plugins: StartOptions['plugins']) =>
    startServer({ port: 0, host: '127.0.0.1', databaseUrl: dbFile, secret: `${name}-secret-at-least-32-characters-long`, logLevel: 'warn', ...options, plugins })
  if (neverEnabled.length > 0) {
    const first = await start(options.plugins?.filter((p) => !neverEnabled.includes(p.name)))
    // Stored as off with no watermark: the host counts every past event as unseen by them.
    for (const plugin of neverEnabled) {
      await first.db.run('INSERT INTO core_plugins (name, enabled, config, updated_at) VALUES (?, 0, NULL, ?)', [plugin, new Date().toISOString()])
    }
    await first.close()
  }
  const server = await start(options.plugins)
  return {
    ...server,
    screenshots,
    admin: (page = '') => `${server.url}/admin${page}`,
    async close() {
      await server.close()
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true })
    },
  }
}

/** Signs in as the demo owner through the form and waits for the customers page. */
export async function signInAsDemoOwner(page: Page, server: E2eServer): Promise<void> {
  await page.goto(server.admin('/login'))
  await submitSignIn(page, 'admin@example.com', 'rapport-demo')
  await page.waitForURL(/\/admin\/customers$/)
}

/** One test file's server and a page signed in as the demo owner, in English on Shanghai time. */
export type AdminSession = { server: E2eServer; browser: Browser; page: Page; close(): Promise<void> }

/**
 * Starts the server, a browser and a signed-in page, the way most admin test files begin.
 * @example beforeAll(async () => { ({ server, page, close } = await openAdminSession({ name: 'x-e2e', demo: { customers: 5 } })) }, 180_000)
 */
export async function openAdminSession(options: E2eServerOptions, viewport = { width: 1440, height: 900 }): Promise<AdminSession> {
  const server = await startE2eServer(options)
  const browser = await launchBrowser()
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Shanghai', viewport })
  const page = await context.newPage()
  await signInAsDemoOwner(page, server)
  return {
    server, browser, page,
    async close() {
      await browser.close()
      await server.close()
    },
  }
}
