/**
 * Issue 22's first use in a browser, on the real server with its delivery worker and a real SMTP
 * server: staff resolve a Chinese customer's complaint, the customer receives an email in 中文
 * with the CSAT survey link, opens it on a phone, answers, and the score lands on the case. The
 * one-click unsubscribe page of the same email is checked in both sizes and then used; an English
 * customer's email and page are in English.
 * Screenshots land in test-results/complaint-csat-email-e2e/.
 */
import path from 'node:path'
import complaintTracking from '../../plugins/complaint-tracking/server/index'
import satisfactionSurvey from '@rapport/plugin-satisfaction-survey/server'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSmtpSink, type SmtpSink } from '../../packages/core/test/fixtures/smtp-sink.js'
import { callApi } from './support/call-api'
import { startE2eServer, type E2eServer } from './support/e2e-server'
import { ensureSurveyPagesBuild } from './support/ensure-survey-pages-build'
import { launchBrowser } from './support/launch-browser'

const csat = { pages: [{ name: 'p1', elements: [{ type: 'rating', name: 'csat', title: { default: 'How satisfied are you with how we handled it?', 'zh-cn': '您对我们的处理满意吗？' }, rateMin: 1, rateMax: 5, isRequired: true }] }] }

let server: E2eServer
let smtp: SmtpSink
let browser: Browser
let cookie = ''
const contexts: BrowserContext[] = []
const api = <T>(method: string, url: string, body?: unknown) => callApi<T>(server.url, cookie, method, url, body)

async function newPage(viewport: { width: number; height: number }, locale: string): Promise<Page> {
  const context = await browser.newContext({ viewport, locale, timezoneId: 'Asia/Shanghai', deviceScaleFactor: 1 })
  contexts.push(context)
  const page = await context.newPage()
  page.on('pageerror', (e) => { throw e })
  return page
}
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(server.screenshots, `${name}.png`), fullPage: true })

beforeAll(async () => {
  ensureSurveyPagesBuild()
  smtp = await startSmtpSink()
  server = await startE2eServer({ name: 'complaint-csat-email-e2e', demo: { customers: 3 }, plugins: [complaintTracking, satisfactionSurvey] })
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ email: 'admin@example.com', password: 'rapport-demo' }),
  })
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
  browser = await launchBrowser()
}, 240_000)

afterAll(async () => {
  for (const context of contexts) await context.close()
  await browser?.close()
  await server?.close()
  await smtp?.close()
})

describe('a resolved complaint reaches the customer by email', () => {
  it('emails the CSAT link in 中文; the customer answers on a phone and the score lands on the case; the unsubscribe page works', async () => {
    await api('PUT', '/api/v1/messaging/settings', { publicUrl: server.url, defaultLocale: 'zh-CN', email: { host: '127.0.0.1', port: smtp.port, from: 'service@shop.example.cn' } })
    await api('PUT', '/api/v1/plugins/satisfaction-survey/config', { quietDays: 0 })
    const survey = await api<{ id: string }>('POST', '/api/p/satisfaction-survey/surveys', { name: '投诉回访', json: csat, locales: ['zh-CN', 'en'], scores: { csat: 'csat' }, triggers: [{ on: 'complaint.resolved', delayDays: 0 }] })
    await api('POST', `/api/p/satisfaction-survey/surveys/${survey.id}/versions`)
    const customer = await api<{ id: string }>('POST', '/api/v1/customers', { name: '王芳', email: 'wang.fang@example.cn', locale: 'zh-CN' })
    const filed = await api<{ id: string }>('POST', '/api/p/complaint-tracking/cases', { customerId: customer.id, category: 'other', description: '包裹破损' })
    for (const to of ['open', 'resolved']) await api('POST', `/api/p/complaint-tracking/cases/${filed.id}/transitions`, { to, resolutionCode: 'replaced', summary: '已补发' })

    // The server's own delivery worker sends it after commit (beside complaint-tracking's own 'received' and 'resolved' messages).
    const csatMails = () => smtp.mails.filter((m) => m.subject === '您的投诉处理得怎么样？' || m.subject === 'How did we handle your complaint?')
    await expect.poll(() => csatMails().length, { timeout: 30_000 }).toBe(1)
    const mail = csatMails()[0]!
    expect(mail.subject).toBe('您的投诉处理得怎么样？')
    const link = new RegExp(`${server.url.replace(/[.:/]/g, '\\$&')}/s/\\S+`).exec(mail.text ?? '')![0]
    const unsubscribe = /https?:\/\/[^\s：]+\/api\/v1\/messaging\/unsubscribe\/\S+/.exec(mail.text ?? '')![0]

    const page = await newPage({ width: 390, height: 844 }, 'zh-CN')
    await page.goto(link)
    await expect.poll(() => page.getByText('您对我们的处理满意吗？').count(), { timeout: 20_000 }).toBe(1)
    await shot(page, 'survey-phone-zh')
    await page.locator('.sd-rating__item', { hasText: /^\s*4\s*$/ }).click()
    await page.locator('.sd-navigation__complete-btn').click()
    await expect.poll(async () => (await api<{ csat: number | null }>('GET', `/api/p/complaint-tracking/cases/${filed.id}`)).csat, { timeout: 15_000 }).toBe(4)
    await shot(page, 'survey-phone-zh-done')

    for (const [name, viewport] of [['desktop', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
      const p = await newPage(viewport, 'zh-CN')
      await p.goto(unsubscribe)
      await expect.poll(() => p.getByText('不再通过电子邮件接收我们的消息？').count(), { timeout: 10_000 }).toBe(1)
      await shot(p, `unsubscribe-${name}-zh`)
    }
    const p = contexts.at(-1)!.pages()[0]!
    await p.getByRole('button', { name: '退订' }).click()
    await expect.poll(() => p.getByText('您已退订').count(), { timeout: 10_000 }).toBe(1)
    await shot(p, 'unsubscribed-phone-zh')
    const consents = await api<{ items: Array<{ channel: string; state: string }> }>('GET', `/api/v1/customers/${customer.id}/consents`)
    expect(consents.items).toMatchObject([{ channel: 'email', state: 'withdrawn' }])

    // An English customer's email and unsubscribe page are in English.
    const lin = await api<{ id: string }>('POST', '/api/v1/customers', { name: 'Lin Bo', email: 'lin.bo@example.com', locale: 'en' })
    const second = await api<{ id: string }>('POST', '/api/p/complaint-tracking/cases', { customerId: lin.id, category: 'other', description: 'Late parcel' })
    for (const to of ['open', 'resolved']) await api('POST', `/api/p/complaint-tracking/cases/${second.id}/transitions`, { to, resolutionCode: 'replaced', summary: 'Resent' })
    await expect.poll(() => csatMails().length, { timeout: 30_000 }).toBe(2)
    expect(csatMails()[1]!.subject).toBe('How did we handle your complaint?')
    const unsubscribeEn = /https?:\/\/\S+\/api\/v1\/messaging\/unsubscribe\/\S+/.exec(csatMails()[1]!.text ?? '')![0]
    for (const [name, viewport] of [['desktop', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
      const page = await newPage(viewport, 'en-US')
      await page.goto(unsubscribeEn)
      await expect.poll(() => page.getByText('Stop receiving messages from us by email?').count(), { timeout: 10_000 }).toBe(1)
      await shot(page, `unsubscribe-${name}-en`)
    }
  })
})
