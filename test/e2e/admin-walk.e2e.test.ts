/**
 * The admin walk of issue 24's "Checked by": every page the side menu offers the owner, and a
 * customer, a case, a survey's results and a plugin's page beneath them, in English and 中文, each
 * at 1440×900 and at 390×844. A page fails when an element sticks out of the viewport, when an id
 * (`usr_…`, `cus_…`, `cmp_…`) is visible, or when a visible label is the other language's. One
 * server and one page for the whole walk: each page is loaded once per language and checked at
 * both sizes. Screenshots of the pages with findings land in test-results/admin-walk-e2e/.
 */
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signInAsDemoOwner, startE2eServer, type E2eServer } from './support/e2e-server'
import { foreignLabels } from './support/label-sets'
import { launchBrowser } from './support/launch-browser'
import { pageFindings } from './support/page-findings'

const sizes = [{ width: 1440, height: 900 }, { width: 390, height: 844 }] as const

let server: E2eServer
let browser: Browser
let page: Page

/** Waits until no spinner or skeleton shows for three checks in a row (pages load data and lazy chunks after their first render). */
const settle = async () => {
  let quiet = 0
  await expect
    .poll(async () => {
      const busy = await page.evaluate(() => document.querySelectorAll('.ant-spin-spinning, .ant-skeleton, [aria-busy="true"]').length)
      quiet = busy === 0 ? quiet + 1 : 0
      return quiet
    }, { timeout: 30_000, intervals: [150] })
    .toBeGreaterThanOrEqual(3)
}

const firstId = (url: string) => page.evaluate(async (u) => ((await (await fetch(u)).json()) as { items: { id: string }[] }).items[0]?.id, url)

beforeAll(async () => {
  server = await startE2eServer({ name: 'admin-walk-e2e', demo: { customers: 20 } })
  browser = await launchBrowser()
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Shanghai', viewport: sizes[0] })
  page = await context.newPage()
  await signInAsDemoOwner(page, server)
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('every admin page, in both languages, on a desktop and a phone', () => {
  it('fits the viewport, shows no ids and no label of the other language', async () => {
    const readMenu = () => page.getByRole('navigation').getByRole('link').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname.replace(/^\/admin/, '')))
    // The plugins' entries join once the plugin list has loaded.
    await expect.poll(readMenu).toEqual(expect.arrayContaining(['/customers', '/audit', '/tiering', '/complaint-tracking', '/satisfaction-survey']))
    const menu = await readMenu()
    const customer = await firstId('/api/v1/customers?limit=1')
    const kase = await firstId('/api/p/complaint-tracking/cases?limit=1')
    const survey = await firstId('/api/p/satisfaction-survey/surveys')
    const pages = [...menu, `/customers/${customer}`, `/complaint-tracking/cases/${kase}`, `/satisfaction-survey/${survey}/results`, '/plugins/complaint-tracking']

    const findings: string[] = []
    for (const language of ['en', 'zh-CN'] as const) {
      await page.evaluate((l) => localStorage.setItem('rapport.admin.language', l), language)
      const foreign = foreignLabels(language)
      for (const pathname of pages) {
        await page.setViewportSize(sizes[0])
        await page.goto(server.admin(pathname))
        await settle()
        for (const size of sizes) {
          if (size !== sizes[0]) {
            await page.setViewportSize(size)
            await page.waitForTimeout(300) // antd's breakpoints and the charts follow the resize
          }
          let found = await pageFindings(page, foreign)
          // Charts and names settle a moment after the rest: a finding must still be there a second later.
          if (found.length > 0) {
            await page.waitForTimeout(1000)
            found = await pageFindings(page, foreign)
          }
          if (found.length === 0) continue
          const where = `${language} ${size.width}px ${pathname.replace(/[a-z]+_[0-9a-z]+/g, ':id')}`
          findings.push(...found.map((f) => `${where}: ${f}`))
          await page.screenshot({ path: path.join(server.screenshots, `${where.replace(/\W+/g, '-')}.png`) })
        }
      }
    }
    expect(findings).toEqual([])
  }, 600_000)
})
