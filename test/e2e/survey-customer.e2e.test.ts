/**
 * The satisfaction survey's customer pages end to end, on the real API server: a customer answers
 * an NPS survey on a phone through a customer link (partial answers survive a reload), completes
 * it, and finds the completed page when reopening the link; expired and forged links read clearly
 * in 中文; the public link works with a proof of work; and the one-question widget, embedded in a
 * page of another origin, posts an NPS answer. Screenshots land in test-results/survey-customer-e2e/.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import satisfactionSurvey from '@rapport/plugin-satisfaction-survey/server'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot } from './support/ensure-admin-build'
import { ensureSurveyPagesBuild } from './support/ensure-survey-pages-build'
import { startE2eServer, type E2eServer } from './support/e2e-server'
import { launchBrowser } from './support/launch-browser'
import { callApi } from './support/call-api'

const screenshots = path.join(repoRoot, 'test-results/survey-customer-e2e')
const phone = { width: 360, height: 740 }
const desktop = { width: 1280, height: 860 }

let server: E2eServer
let browser: Browser
let cookie = ''
let surveyId = ''
let publicToken = ''
let customerId = ''
const contexts: BrowserContext[] = []

/** Calls the API as the signed-in demo admin (cookie and same-origin Origin, as the admin app does). */
const api = <T>(method: string, url: string, body?: unknown) => callApi<T>(server.url, cookie, method, `/api${url}`, body)

const invite = async (locale: 'en' | 'zh-CN') =>
  api<{ id: string; url: string }>('POST', `/p/satisfaction-survey/surveys/${surveyId}/invitations`, { customerId, locale, ignoreQuietPeriod: true })

async function newPage(viewport: { width: number; height: number }, locale: string): Promise<Page> {
  const context = await browser.newContext({ viewport, locale, timezoneId: 'Asia/Shanghai', deviceScaleFactor: 1 })
  contexts.push(context)
  const page = await context.newPage()
  page.on('console', (m) => { if (m.type() === 'error') console.error(`[browser] ${m.text()}`) })
  page.on('pageerror', (e) => { throw e })
  return page
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true })
const rating = (page: Page, value: number) => page.locator('.sd-rating__item', { hasText: new RegExp(`^\\s*${value}\\s*$`) })

beforeAll(async () => {
  ensureSurveyPagesBuild()
  server = await startE2eServer({ name: 'survey-customer-e2e', demo: { customers: 5 }, plugins: [satisfactionSurvey] })
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ email: 'admin@example.com', password: 'rapport-demo' }),
  })
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
  const survey = await api<{ id: string }>('POST', '/p/satisfaction-survey/surveys', {
    name: 'NPS after purchase', templateId: 'nps', theme: { brandColor: '#0f766e' }, publicLink: { enabled: true, proofOfWorkBits: 8 },
  })
  surveyId = survey.id
  await api('POST', `/p/satisfaction-survey/surveys/${surveyId}/versions`)
  publicToken = (await api<{ publicToken: string }>('GET', `/p/satisfaction-survey/surveys/${surveyId}`)).publicToken
  customerId = (await api<{ items: Array<{ id: string }> }>('GET', '/v1/customers?limit=1')).items[0]!.id
  browser = await launchBrowser()
}, 180_000)

afterAll(async () => {
  for (const context of contexts) await context.close()
  await browser?.close()
  await server?.close()
})

describe('survey customer pages', () => {
  it('a customer answers on a phone, resumes after a reload, completes, and finds the completed page again', async () => {
    const { id: invitationId, url } = await invite('en')
    const page = await newPage(phone, 'en-US')
    await page.goto(`${server.url}${url}`)
    await expect.poll(() => rating(page, 9).count(), { timeout: 20_000 }).toBe(1)
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    await expect.poll(() => page.locator('.sd-progress').count()).toBeGreaterThan(0)
    await rating(page, 9).click()
    await expect.poll(() => page.getByText('Your answers are saved').count(), { timeout: 10_000 }).toBe(1)
    const partial = await api<{ items: Array<{ id: string; status: string }> }>('GET', `/p/satisfaction-survey/invitations?surveyId=${surveyId}`)
    expect(partial.items.find((i) => i.id === invitationId)?.status).toBe('partial')
    await shot(page, 'phone-en-partial')

    await page.reload()
    await expect.poll(() => rating(page, 9).getAttribute('class'), { timeout: 20_000 }).toMatch(/sd-rating__item--selected/)
    await page.locator('textarea').fill('Fast delivery and friendly staff')
    await page.locator('textarea').blur()
    await page.locator('.sd-navigation__complete-btn').click()
    await expect.poll(() => page.getByRole('heading', { name: 'Thank you!' }).count(), { timeout: 10_000 }).toBe(1)
    await shot(page, 'phone-en-thanks')

    const responses = await api<{ items: Array<{ id: string; answers: Record<string, unknown>; customerId: string | null }> }>('GET', `/p/satisfaction-survey/responses?surveyId=${surveyId}`)
    expect(responses.items[0]).toMatchObject({ customerId, answers: { nps: 9, reason: 'Fast delivery and friendly staff' } })
    const profile = await api<Record<string, unknown>>('GET', `/v1/customers/${customerId}`)
    expect(JSON.stringify(profile)).toMatch(/"(satisfaction\.)?lastNps":9/)

    await page.goto(`${server.url}${url}`)
    await expect.poll(() => page.getByRole('heading', { name: 'Already answered' }).count(), { timeout: 10_000 }).toBe(1)
    await shot(page, 'phone-en-already')
  })

  it('shows a customer on a desktop the survey in 中文 with the brand colour', async () => {
    const { url } = await invite('zh-CN')
    const page = await newPage(desktop, 'zh-CN')
    await page.goto(`${server.url}${url}`)
    await expect.poll(() => page.getByText('您有多大可能向朋友或同事推荐我们？').count(), { timeout: 20_000 }).toBe(1)
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN')
    expect(await page.locator('.shell-header').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(15, 118, 110)')
    await shot(page, 'desktop-zh-survey')
    await page.setViewportSize(phone)
    await shot(page, 'phone-zh-survey')
  })

  it('explains an expired and a forged link in 中文', async () => {
    const { id, url } = await invite('zh-CN')
    await server.db.run('UPDATE satisfaction_invitations SET expires_at = ? WHERE id = ?', [new Date(Date.now() - 60_000).toISOString(), id])
    const page = await newPage(phone, 'zh-CN')
    await page.goto(`${server.url}${url}`)
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 20_000 }).toContain('此问卷链接已过期')
    await shot(page, 'phone-zh-expired')

    const [body] = url.replace('/s/', '').split('.')
    await page.goto(`${server.url}/s/${body}.forged-signature-AAAAAAAAAAAA`)
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 20_000 }).toContain('此问卷链接无效')
    expect(await page.getByRole('alert').getAttribute('data-code')).toBe('LINK_INVALID')
    await shot(page, 'phone-zh-forged')
  })

  it('takes an answer through the public link with a proof of work', async () => {
    const before = await api<{ items: unknown[] }>('GET', `/p/satisfaction-survey/responses?surveyId=${surveyId}`)
    const page = await newPage(desktop, 'en-US')
    await page.goto(`${server.url}/s/p/${publicToken}`)
    await expect.poll(() => rating(page, 3).count(), { timeout: 20_000 }).toBe(1)
    await rating(page, 3).click()
    await page.locator('.sd-navigation__complete-btn').click()
    await expect.poll(() => page.getByRole('heading', { name: 'Thank you!' }).count(), { timeout: 15_000 }).toBe(1)
    await shot(page, 'desktop-en-public-thanks')
    const after = await api<{ items: Array<{ answers: Record<string, unknown>; customerId: string | null }> }>('GET', `/p/satisfaction-survey/responses?surveyId=${surveyId}`)
    expect(after.items.length).toBe(before.items.length + 1)
    expect(after.items[0]).toMatchObject({ customerId: null, answers: { nps: 3 } })
    // The same browser is known by its client id cookie: it finds the completed page.
    await page.reload()
    await expect.poll(() => page.getByRole('heading', { name: 'Already answered' }).count(), { timeout: 15_000 }).toBe(1)
  })

  it('the widget on a page of another origin posts an NPS answer', async () => {
    const shop: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(`<!doctype html><html><head><title>Shop</title></head><body><h1>Order confirmed</h1><div id="nps"></div>
<script src="${server.url}/s/embed.js" data-survey="${publicToken}" data-question="nps" data-target="#nps" data-locale="zh-CN" async></script></body></html>`)
    })
    await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve))
    try {
      const shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}/`
      const before = await api<{ items: unknown[] }>('GET', `/p/satisfaction-survey/responses?surveyId=${surveyId}`)
      const page = await newPage(phone, 'en-US')
      await page.goto(shopUrl)
      const ten = page.getByRole('button', { name: /^10 分/ })
      await expect.poll(() => ten.count(), { timeout: 15_000 }).toBe(1)
      expect(await page.getByRole('group', { name: '您有多大可能向朋友或同事推荐我们？' }).count()).toBe(1)
      await shot(page, 'phone-zh-embed')
      // Keyboard: focus 9 and move right to 10, then press it.
      await page.getByRole('button', { name: /^9 分/ }).focus()
      await page.keyboard.press('ArrowRight')
      await page.keyboard.press('Enter')
      await expect.poll(() => page.getByRole('status').textContent(), { timeout: 15_000 }).toContain('感谢您的反馈')
      await shot(page, 'phone-zh-embed-thanks')
      const after = await api<{ items: Array<{ answers: Record<string, unknown>; customerId: string | null }> }>('GET', `/p/satisfaction-survey/responses?surveyId=${surveyId}`)
      expect(after.items.length).toBe(before.items.length + 1)
      expect(after.items[0]).toMatchObject({ customerId: null, answers: { nps: 10 } })
    } finally {
      await new Promise((resolve) => shop.close(resolve))
    }
  })
})
