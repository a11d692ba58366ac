/**
 * The customer 360 page and saved segments end to end, on the real API server with demo customers
 * scored by tiering and points-membership (surveys and complaints enabled too): the owner opens a customer, reads each plugin's fields,
 * asks why the tier is what it is, pages the timeline, adjusts points (the timeline names who did it), sends a survey link, opens
 * a complaint and exports the customer's data; erases a throwaway customer after typing its external id; builds a
 * segment (tier diamond or silver, and at least 100 points), sees its live count, saves it,
 * exports it as CSV and narrows the dashboard to it. Pages in English and 中文; screenshots land
 * in test-results/customer-360-e2e/.
 */
import { readFileSync, } from 'node:fs'
import path from 'node:path'
import pointsMembership from '@rapport/plugin-points-membership/server'
import satisfactionSurvey from '@rapport/plugin-satisfaction-survey/server'
import tiering from '@rapport/plugin-tiering/server'
import complaintTracking from '../../plugins/complaint-tracking/server/index'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot } from './support/ensure-admin-build'
import { signInAsDemoOwner, startE2eServer, type E2eServer } from './support/e2e-server'
import { launchBrowser } from './support/launch-browser'
import { describeFindings, seriousViolations } from './support/run-axe'

const screenshots = path.join(repoRoot, 'test-results/customer-360-e2e')

let server: E2eServer
let browser: Browser
let page: Page

const admin = (p = '') => `${server.url}/admin${p}`
type Json = Record<string, any>

/** Calls the API with the page's own session (same origin, so the CSRF check passes). */
const call = <T = Json>(method: string, url: string, body?: unknown) =>
  page.evaluate(async ([m, u, b]) => {
    const res = await fetch(u as string, { method: m as string, ...(b === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) }) })
    return (await res.json()) as unknown
  }, [method, url, body] as const) as Promise<T>

const shot = async (name: string) => {
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, .ant-skeleton').length === 0)
  await page.waitForTimeout(600) // chart and popover animations
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true })
}

/** Polls longer than vitest's one second: pages here wait on the server and lazy chunks. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 })

/** Opens the select labelled `label` (the nth of that name) and picks the option showing `text`, typing `search` first if given. */
const pick = async (label: string, text: string, nth = 0, search?: string) => {
  const box = page.getByRole('combobox', { name: label }).nth(nth)
  await box.click()
  if (search !== undefined) await box.fill(search)
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text }).first().click()
}

const useLanguage = async (language: 'en' | 'zh-CN') => {
  await page.evaluate((l) => localStorage.setItem('rapport.admin.language', l), language)
  await page.reload()
  await page.waitForFunction((l) => document.documentElement.lang === l, language)
}

/** The demo customer the 360 walk uses: a points member with a tier and more than a page of events. */
let target: { id: string; externalId: string; balance: number }

beforeAll(async () => {
  server = await startE2eServer({ name: 'customer-360-e2e', demo: { customers: 80 }, plugins: [tiering, pointsMembership, satisfactionSurvey, complaintTracking] })
  browser = await launchBrowser()
  const context = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 }, acceptDownloads: true })
  page = await context.newPage()
  await signInAsDemoOwner(page, server)
  target = await page.evaluate(async () => {
    const list = (await (await fetch('/api/v1/customers?limit=100&filter=points.balance:gte:1&filter=tiering.tier:exists')).json()) as { items: Array<{ id: string; externalId: string }> }
    for (const c of list.items) {
      const timeline = (await (await fetch(`/api/v1/customers/${c.id}/timeline?limit=11`)).json()) as { items: unknown[] }
      if (timeline.items.length > 10) {
        const detail = (await (await fetch(`/api/v1/customers/${c.id}`)).json()) as { profile: { points: { balance: number } } }
        return { id: c.id, externalId: c.externalId, balance: detail.profile.points.balance }
      }
    }
    throw new Error('No demo member with a tier has more than 10 events')
  })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('customer 360', () => {
  // A failed 中文 step must not leave the next steps reading Chinese.
  afterEach(async () => {
    if (await page.evaluate(() => document.documentElement.lang) !== 'en') await useLanguage('en')
  })

  it("shows each enabled plugin's fields and why the tier is what it is", async () => {
    await page.goto(admin(`/customers/${target.id}`))
    for (const plugin of ['tiering', 'points-membership']) await poll(() => page.locator(`[data-plugin-fields="${plugin}"]`).count()).toBe(1)
    const balance = page.locator('[data-plugin-fields="points-membership"] [data-field="points.balance"]')
    expect(await balance.textContent()).toBe(target.balance.toLocaleString('en'))

    await page.getByRole('button', { name: 'Why does Value tier have this value?' }).click()
    const changes = page.locator('.ant-popover:not(.ant-popover-hidden) [data-testid="why-changes"] li')
    await poll(() => changes.count()).toBeGreaterThan(0)
    const explained = await call(`GET`, `/api/v1/customers/${target.id}/explain?field=tiering.tier`)
    const latest = explained.changes[explained.changes.length - 1]
    const text = (await changes.first().textContent()) ?? ''
    expect(text).toContain(latest.source.id)
    if (latest.source.kind === 'rule') expect(text).toContain(`version ${latest.source.version}`)
    if (latest.event) expect(text).toContain(latest.event.type)
    await shot('customer-why-en')
    await page.keyboard.press('Escape')
  })

  it('pages the timeline', async () => {
    const pager = page.getByRole('navigation', { name: 'Event pages' })
    const first = await page.getByRole('table', { name: 'Customer events' }).locator('tr.ant-table-row').first().textContent()
    await pager.getByRole('button', { name: 'Next page' }).click()
    await poll(() => pager.getByText('Page 2').count()).toBe(1)
    await poll(() => page.getByRole('table', { name: 'Customer events' }).locator('tr.ant-table-row').first().textContent()).not.toBe(first)
    await pager.getByRole('button', { name: 'Previous page' }).click()
    await poll(() => pager.getByText('Page 1').count()).toBe(1)
  })

  it('adjusts points from the customer page and shows the new balance', async () => {
    const actions = page.getByRole('toolbar', { name: 'Customer actions' })
    await actions.getByRole('button', { name: 'Adjust points' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('Points', { exact: true }).fill('25')
    await dialog.getByLabel('Reason', { exact: true }).fill('Goodwill for a late delivery (e2e)')
    await dialog.getByRole('button', { name: 'Review' }).click()
    await dialog.getByRole('button', { name: 'Confirm' }).click()
    const balance = page.locator('[data-plugin-fields="points-membership"] [data-field="points.balance"]')
    await poll(() => balance.textContent()).toBe((target.balance + 25).toLocaleString('en'))
    const member = await call('GET', `/api/p/points-membership/members/${target.id}`)
    expect(member.balance).toBe(target.balance + 25)
    // The timeline says who did it, by name: the owner's adjustment, the demo history as demo data.
    await page.reload()
    const rows = page.getByRole('table', { name: 'Customer events' }).locator('tr.ant-table-row')
    await poll(() => rows.filter({ hasText: 'Points adjusted' }).first().textContent()).toContain('Demo Owner')
    expect(await page.getByRole('table', { name: 'Customer events' }).getByRole('columnheader', { name: 'By' }).count()).toBe(1)
  })

  it('sends a survey link to the customer', async () => {
    const survey = await call('POST', '/api/p/satisfaction-survey/surveys', { name: 'After-visit NPS', templateId: 'nps' })
    await call('POST', `/api/p/satisfaction-survey/surveys/${survey.id}/versions`)
    await page.reload()
    await page.getByRole('toolbar', { name: 'Customer actions' }).getByRole('button', { name: 'Send survey link' }).click()
    await pick('Survey', 'After-visit NPS')
    await page.getByRole('dialog').getByRole('button', { name: 'Create link' }).click()
    const link = page.getByTestId('customer-survey-link')
    await poll(() => link.count()).toBe(1)
    expect((await link.textContent())!.trim()).toMatch(new RegExp(`^${server.url}/s/[^/]+$`))
    const invitations = await call('GET', `/api/p/satisfaction-survey/invitations?customerId=${target.id}`)
    expect(invitations.items.some((i: Json) => i.surveyId === survey.id)).toBe(true)
    await shot('customer-survey-link-en')
    await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click()
  })

  it('opens a complaint for the customer', async () => {
    const cases = async () => (await call('GET', `/api/p/complaint-tracking/cases?customerId=${target.id}&limit=100`)).items.length as number
    const before = await cases()
    await page.getByRole('toolbar', { name: 'Customer actions' }).getByRole('button', { name: 'Open complaint' }).click()
    const dialog = page.getByRole('dialog')
    // A click on the tree while its list is still opening can land on nothing: pick until the field shows the category.
    await poll(async () => {
      if ((await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count()) === 0) await dialog.getByRole('combobox', { name: 'Category' }).click()
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-title').filter({ hasText: /^Quality$/ }).first().click({ timeout: 2_000 }).catch(() => undefined)
      return dialog.locator('.ant-select-content, .ant-select-selection-item').filter({ hasText: 'Quality' }).count()
    }).toBeGreaterThan(0)
    await dialog.getByLabel('Description').fill('The teapot lid cracked in the box (e2e)')
    await shot('customer-complaint-en')
    await dialog.getByRole('button', { name: 'File complaint' }).click()
    await poll(cases).toBe(before + 1)
    await poll(() => page.getByRole('dialog').count()).toBe(0)
    await poll(() => page.getByRole('status').filter({ hasText: 'filed' }).getByRole('link', { name: 'Open it' }).count()).toBe(1)
  })

  it("exports the customer's data as JSON after a confirmation", async () => {
    await page.getByRole('button', { name: 'Export data' }).click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('dialog').getByRole('button', { name: 'Download' }).click()])
    expect(download.suggestedFilename()).toBe(`customer-${target.id}.json`)
    const doc = JSON.parse(readFileSync((await download.path())!, 'utf8'))
    expect(doc.customer.id).toBe(target.id)
    expect(doc.events.length).toBeGreaterThan(10)
    await shot('customer-360-en')
  })

  it('reads in 中文 with the plugin labels of that language', async () => {
    await useLanguage('zh-CN')
    await poll(() => page.locator('[data-plugin-fields="tiering"]').getByText('价值等级').count()).toBe(1)
    await poll(() => page.getByRole('toolbar', { name: '客户操作' }).getByRole('button', { name: '发送问卷链接' }).count()).toBe(1)
    await shot('customer-360-zh-CN')
    await page.getByRole('button', { name: '为什么价值等级是这个值？' }).click()
    await poll(() => page.locator('.ant-popover:not(.ant-popover-hidden) [data-testid="why-changes"] li').count()).toBeGreaterThan(0)
    await shot('customer-why-zh-CN')
    const findings = describeFindings(await seriousViolations(page, 'customer 360 zh-CN'))
    expect(findings).toBe('')
    await page.keyboard.press('Escape')
    await useLanguage('en')
  })

  it('erases a throwaway customer only once its external id is typed', async () => {
    const throwaway = await call('POST', '/api/v1/customers', { externalId: 'erase-me-e2e', name: 'Throwaway Tester', email: 'throwaway@example.com' })
    await page.goto(admin(`/customers/${throwaway.id}`))
    await page.getByRole('button', { name: 'Erase personal data' }).click()
    const dialog = page.getByRole('dialog')
    const erase = dialog.getByRole('button', { name: 'Erase' })
    expect(await erase.isDisabled()).toBe(true)
    await dialog.getByLabel("Type the customer's external id to confirm:").fill('erase-me')
    expect(await erase.isDisabled()).toBe(true)
    await dialog.getByLabel("Type the customer's external id to confirm:").fill('erase-me-e2e')
    await shot('customer-erase-en')
    await erase.click()
    await poll(() => page.getByText('erased', { exact: true }).count()).toBe(1)
    const after = await call('GET', `/api/v1/customers/${throwaway.id}`)
    expect(after).toMatchObject({ externalId: null, name: null, email: null, erasedAt: expect.any(String) })
    expect(await page.getByRole('button', { name: 'Erase personal data' }).count()).toBe(0)
  })
})

describe('segments', () => {
  afterEach(async () => {
    if (await page.evaluate(() => document.documentElement.lang) !== 'en') await useLanguage('en')
  })

  const definition = {
    match: 'all',
    groups: [{ match: 'all', conditions: [{ field: 'tiering.tier', op: 'in', value: ['diamond', 'silver'] }, { field: 'points.balance', op: 'gte', value: 100 }] }],
  }
  let expected = 0
  let segmentId = ''

  it('builds a segment with a live count and saves it', async () => {
    expected = (await call('POST', '/api/v1/segments/preview', { definition })).count
    await page.goto(admin('/customers'))
    await page.getByRole('navigation').getByRole('link', { name: 'Segments' }).click()
    await page.waitForURL(/\/admin\/segments$/)
    await page.getByRole('button', { name: 'New segment' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('Name').fill('Diamond or silver, 100+ points')
    await dialog.getByRole('button', { name: 'Add a group' }).click()
    await pick('Profile field', '(tiering.tier)', 0, 'tiering.tier')
    await pick('Value', 'diamond', 0)
    // The multiple select stays open: the second value is picked from the same list.
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: 'silver' }).first().click()
    await page.keyboard.press('Escape')
    await dialog.getByRole('button', { name: 'Add a condition' }).click()
    await pick('Profile field', '(points.balance)', 1, 'points.balance')
    await dialog.getByRole('spinbutton', { name: 'Value' }).fill('100')
    const preview = dialog.getByTestId('segment-preview')
    await poll(() => preview.locator('.ant-statistic-content-value').textContent()).toBe(expected.toLocaleString('en'))
    await shot('segment-builder-en')
    await dialog.getByRole('button', { name: 'Save' }).click()
    const row = page.locator('tr.ant-table-row').filter({ hasText: 'Diamond or silver, 100+ points' })
    await poll(() => row.locator('[data-segment-count]').textContent()).toBe(expected.toLocaleString('en'))
    const saved = (await call('GET', '/api/v1/segments')).items
    expect(saved).toHaveLength(1)
    expect(saved[0].definition).toEqual(definition)
    segmentId = saved[0].id
    await shot('segments-en')
  })

  it('exports the segment as CSV, a row per customer', async () => {
    const row = page.locator('tr.ant-table-row').filter({ hasText: 'Diamond or silver, 100+ points' })
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: 'Export Diamond or silver, 100+ points as CSV' }).click()])
    expect(download.suggestedFilename()).toBe(`segment-${segmentId}.csv`)
    const lines = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r\n/)
    expect(lines[0]).toContain('tiering.tier')
    expect(lines).toHaveLength(expected + 1)
  })

  it('narrows the dashboard to the saved segment', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click()
    await page.waitForURL(/\/admin\/dashboard$/)
    await poll(() => page.locator('[data-widget]').count()).toBeGreaterThan(0)
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/v1/dashboard') && r.url().includes(`segment=${segmentId}`)),
      pick('Saved segment', 'Diamond or silver, 100+ points'),
    ])
    expect(response.status()).toBe(200)
    expect((await response.json()).filtered).toBe(true)
    await shot('dashboard-segment-en')
  })

  it('reads in 中文', async () => {
    await useLanguage('zh-CN')
    await page.goto(admin('/segments'))
    await poll(() => page.getByRole('heading', { name: '客户分群' }).count()).toBe(1)
    await page.getByRole('button', { name: '编辑 Diamond or silver, 100+ points' }).click()
    await poll(() => page.getByRole('dialog').getByTestId('segment-preview').locator('.ant-statistic-content-value').textContent()).toBe(expected.toLocaleString('zh-CN'))
    await shot('segment-builder-zh-CN')
    expect(describeFindings(await seriousViolations(page, 'segment editor zh-CN'))).toBe('')
    await page.getByRole('dialog').getByRole('button', { name: '取 消' }).or(page.getByRole('dialog').getByRole('button', { name: '取消' })).first().click()
    await shot('segments-zh-CN')
    await useLanguage('en')
  })
})
