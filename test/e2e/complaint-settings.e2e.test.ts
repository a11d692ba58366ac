/**
 * complaint-tracking's settings as forms (issue 24, item 4): the business-hours week (a refused
 * overlap shown beside the day, then saved with a lunch break), a holiday year imported from a
 * pasted CSV and previewed before it is saved, and an SLA target changed in hours. Each tab is
 * checked in English and 中文 at 1440×900 and 390×844 like the admin walk (no overflow, no ids, no
 * label of the other language); screenshots land in test-results/complaint-settings-e2e/.
 */
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import complaintTracking from '../../plugins/complaint-tracking/server/index'
import { openAdminSession, type E2eServer } from './support/e2e-server'
import { foreignLabels } from './support/label-sets'
import { pageFindings } from './support/page-findings'

let server: E2eServer
let close: (() => Promise<void>) | undefined
let page: Page
const config = () => page.evaluate(async () => (await (await fetch('/api/v1/plugins/complaint-tracking')).json()).config)
const tab = (name: string) => page.getByRole('tab', { name })
const shot = (name: string) => page.screenshot({ path: path.join(server.screenshots, `${name}.png`), fullPage: true })

beforeAll(async () => {
  ({ server, page, close } = await openAdminSession({ name: 'complaint-settings-e2e', demo: { customers: 5 }, plugins: [complaintTracking] }))
}, 180_000)

afterAll(() => close?.())

describe('complaint settings as forms', () => {
  it('edits the business-hours week, refusing overlapping hours beside the day', async () => {
    await page.goto(server.admin('/complaint-tracking/settings'))
    await tab('Business hours').click()
    await expect.poll(() => page.getByLabel('Time zone').count()).toBe(1)
    const monday = page.getByRole('group').locator('div').filter({ has: page.getByText('Monday', { exact: true }) }).first()
    await monday.getByRole('button', { name: 'Add hours' }).click()
    // The added range (18:00–24:00) is moved to overlap the first: 17:00–24:00.
    await page.locator('#bh-mon-1-from').fill('17:00')
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'The times of a day overlap.' }).count()).toBeGreaterThan(0)
    await page.locator('#bh-mon-0-to').fill('12:00')
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect.poll(async () => (await config()).sla.calendars[0].weekly.mon).toEqual([['09:00', '12:00'], ['17:00', '24:00']])
  })

  it('imports a holiday year from a pasted CSV, previewed before it is saved', async () => {
    await tab('Holidays').click()
    await page.getByRole('button', { name: 'Import a year' }).click()
    await page.getByLabel('Year').last().fill('2028')
    await page.getByLabel('Or paste the file').fill('date,kind,name\n2028-01-01,休,元旦\n2028-01-29,班,春节调休\n')
    await page.getByRole('button', { name: 'Preview' }).click()
    await expect.poll(() => page.getByText('2028: 1 days off, 1 make-up working days').count()).toBe(1)
    expect((await config()).sla.holidaySets['zh-CN'].holidays).not.toContain('2028-01-01')
    await shot('holiday-import-en')
    await page.getByRole('button', { name: 'Replace 2028 and save' }).click()
    await expect.poll(async () => (await config()).sla.holidaySets['zh-CN'].workdays).toContain('2028-01-29')
    const set = (await config()).sla.holidaySets['zh-CN']
    expect(set.holidays).toContain('2028-01-01')
    expect(set.holidays).toContain('2027-02-05') // the bundled years stay
  })

  it('changes an SLA target in business hours', async () => {
    await tab('SLA policies').click()
    // The standard policy's 240 minutes show as 4 hours; 1.5 hours are stored as 90 minutes.
    await expect.poll(() => page.locator('#pol-2-firstResponseMinutes').inputValue()).toBe('4')
    await page.locator('#pol-2-firstResponseMinutes').fill('1.5')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect.poll(async () => (await config()).sla.policies[2].firstResponseMinutes).toBe(90)
  })

  for (const language of ['en', 'zh-CN'] as const) {
    it(`fits a desktop and a phone in ${language}, with no JSON to edit`, async () => {
      const findings: string[] = []
      await page.evaluate((l) => localStorage.setItem('rapport.admin.language', l), language)
      const names = language === 'en' ? ['General', 'Business hours', 'Holidays', 'SLA policies', 'Advanced: JSON'] : ['常规', '营业时间', '节假日', 'SLA 策略', '高级：JSON']
      for (const size of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
        await page.setViewportSize(size)
        await page.goto(server.admin('/complaint-tracking/settings'))
        for (const name of names) {
          await tab(name).click()
          await page.waitForTimeout(200)
          for (const f of await pageFindings(page, foreignLabels(language))) findings.push(`${size.width} ${name}: ${f}`)
          await shot(`${names.indexOf(name)}-${language}-${size.width}`)
        }
        expect(await page.locator('textarea').count()).toBe(0)
      }
      expect(findings).toEqual([])
    })
  }
})
