/**
 * Stored markup never runs (issue 17, item 3). An admin stores a survey whose html questions,
 * completed page and titles carry script payloads (`<img onerror>`, `<script>`, `javascript:`
 * links, `<svg onload>`, and one that would create an owner): the server keeps only harmless
 * markup. A customer answers in English and 中文 with markup of their own that an html question
 * repeats (`{why}`): it shows as text. The owner walks the builder with its preview, the results and
 * the response detail in English and 中文: no dialog opens, no handler, script or frame reaches the
 * page, and nothing breaks the Content-Security-Policy. Then a survey is stored as a database written
 * before the fix holds it (payloads in its rows): the preview, the customer page and the response
 * page still draw it harmlessly (the only CSP reports are the payloads' handlers, blocked while the
 * page's sanitiser parses them). No owner is ever created. /admin, /s, /m and /c send the policy.
 * Screenshots land in test-results/stored-xss-e2e/.
 */
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureComplaintPagesBuild } from './support/ensure-complaint-pages-build'
import { ensurePointsPagesBuild } from './support/ensure-points-pages-build'
import { ensureSurveyPagesBuild } from './support/ensure-survey-pages-build'
import { signInAsDemoOwner, startE2eServer, type E2eServer } from './support/e2e-server'
import { launchBrowser } from './support/launch-browser'

const makeOwner = `fetch('/api/v1/users',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify({email:'evil@example.com',name:'Evil',role:'owner',password:'evil-password-123'})})`
const payload = (label: string) =>
  `<p><b>${label}</b></p><img src=x onerror=alert(1)><script>alert(2)</script><a href="javascript:alert(3)">link</a>`
  + `<svg onload=alert(4)></svg><img src=y onerror="${makeOwner}"><iframe src="javascript:alert(5)"></iframe>`

/** The survey as stored by a server before it cleaned markup (and as the admin sends it). */
const rawSurvey = {
  title: { default: '<img src=x onerror=alert(6)> Store visit', 'zh-cn': '<svg onload=alert(7)></svg> 到店体验' },
  completedHtml: { default: payload('Thanks'), 'zh-cn': payload('谢谢') },
  pages: [{
    name: 'p1',
    elements: [
      { type: 'html', name: 'intro', html: { default: payload('Welcome'), 'zh-cn': payload('欢迎') } },
      { type: 'rating', name: 'nps', rateMin: 0, rateMax: 10, isRequired: true, title: { default: 'Recommend us? <img src=x onerror=alert(8)>', 'zh-cn': '推荐我们吗？<img src=x onerror=alert(8)>' } },
      { type: 'comment', name: 'why', title: { default: 'Why?', 'zh-cn': '为什么？' } },
      { type: 'html', name: 'echo', html: { default: '<p>You wrote: {why}</p>', 'zh-cn': '<p>您写道：{why}</p>' } },
    ],
  }],
}
const customerAnswer = `<img src=x onerror=alert(9)><b>bold answer</b><img src=z onerror="${makeOwner}">`

let server: E2eServer
let browser: Browser
let ownerCookie = ''
let adminCookie = ''
let surveyId = ''
let legacySurveyId = ''
let customerId = ''
const contexts: BrowserContext[] = []
/** What every page walked reported: dialogs, CSP violations, console errors, script errors. */
const incidents: string[] = []

async function call<T>(cookie: string, method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}/api${url}`, {
    method, headers: { cookie, origin: server.url, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
  })
  const json = await res.json() as T
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`)
  return json
}

async function signIn(email: string, password: string): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ email, password }) })
  expect(res.status).toBe(200)
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!
}

/** A page that reports every dialog, CSP violation, console error and uncaught error into `incidents`. */
async function watchedPage(locale: string): Promise<Page> {
  const context = await browser.newContext({ locale, timezoneId: 'UTC', viewport: { width: 1440, height: 1000 } })
  contexts.push(context)
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI} ${e.sample} ${e.sourceFile}:${e.lineNumber} ${(e.target as Element)?.outerHTML?.slice(0, 200)}`))
  })
  const page = await context.newPage()
  page.on('dialog', (dialog) => { incidents.push(`dialog on ${page.url()}: ${dialog.message()}`); void dialog.dismiss() })
  // A resource that fails to load (the harmless <img src="x"> left by cleaning) is not an incident.
  page.on('console', (m) => {
    if ((m.type() === 'error' && !m.text().startsWith('Failed to load resource')) || /Content Security Policy/i.test(m.text())) incidents.push(`console on ${page.url()}: ${m.text()}`)
  })
  page.on('pageerror', (e) => incidents.push(`error on ${page.url()}: ${e.message}`))
  return page
}

/** Handlers, inline scripts and javascript: URLs present in the page's DOM. */
const unsafeMarkup = (page: Page) => page.evaluate(() => {
  const found: string[] = []
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) if (attr.name.toLowerCase().startsWith('on')) found.push(`${el.tagName} ${attr.name}`)
    // The admin build's import map (in <head>, allowed by its hash) is the one inline script the page may hold.
    const buildImportMap = el.parentElement === document.head && el.getAttribute('type') === 'importmap'
    if (el.tagName === 'SCRIPT' && !el.getAttribute('src') && !buildImportMap) found.push('inline script')
    if (el.tagName === 'IFRAME') found.push('iframe')
    for (const name of ['href', 'src']) if (/^\s*javascript:/i.test(el.getAttribute(name) ?? '')) found.push(`${el.tagName} ${name}=javascript:`)
  }
  return found
})

/** Waits for spinners to go, settles, checks the DOM and takes the screenshot. */
async function check(page: Page, name: string) {
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning, .ant-skeleton').length === 0)
  await page.waitForTimeout(700) // the preview settles 400 ms after the last change; images fail to load
  expect(await unsafeMarkup(page), name).toEqual([])
  await page.screenshot({ path: path.join(server.screenshots, `${name}.png`), fullPage: true })
}

/** The owner opens the builder (preview in both survey languages), the results and the response, in English and 中文. */
async function walkAsOwner(id: string, responseId: string, name: string) {
  const page = await watchedPage('en-US')
  await signInAsDemoOwner(page, server)
  const main = () => page.locator('main')
  for (const language of ['en', 'zh'] as const) {
    if (language === 'zh') {
      await page.getByRole('banner').getByText('中文').click()
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toMatch(/^zh/)
    }
    await page.goto(server.admin(`/satisfaction-survey/${id}`))
    const preview = main().locator('[data-preview-locale]')
    for (const previewLocale of ['en', 'zh-CN'] as const) {
      await main().locator(`label.ant-radio-button-wrapper:has(input[value="${previewLocale}"])`).click()
      await expect.poll(() => preview.getAttribute('data-preview-locale')).toBe(previewLocale)
      await expect.poll(() => preview.locator('b', { hasText: previewLocale === 'en' ? 'Welcome' : '欢迎' }).count(), { timeout: 20_000 }).toBe(1)
      await check(page, `${name}-builder-${language}-preview-${previewLocale}`)
    }
    await page.goto(server.admin(`/satisfaction-survey/${id}/results`))
    await expect.poll(() => main().locator('tr.ant-table-row').count(), { timeout: 20_000 }).toBeGreaterThan(0)
    await check(page, `${name}-results-${language}`)
    await page.goto(server.admin(`/satisfaction-survey/responses/${encodeURIComponent(responseId)}`))
    await expect.poll(() => main().getByText(customerAnswer).count(), { timeout: 20_000 }).toBeGreaterThan(0)
    expect(await main().locator('b', { hasText: 'bold answer' }).count()).toBe(0)
    await check(page, `${name}-response-${language}`)
  }
  await page.context().close()
}

beforeAll(async () => {
  ensureSurveyPagesBuild()
  ensurePointsPagesBuild()
  ensureComplaintPagesBuild()
  server = await startE2eServer({ name: 'stored-xss-e2e', demo: { customers: 5 } })
  ownerCookie = await signIn('admin@example.com', 'rapport-demo')
  await call(ownerCookie, 'POST', '/v1/users', { email: 'builder@example.com', name: 'Survey builder', role: 'admin', password: 'builder-password-1' })
  adminCookie = await signIn('builder@example.com', 'builder-password-1')
  customerId = (await call<{ items: Array<{ id: string }> }>(ownerCookie, 'GET', '/v1/customers?limit=1')).items[0]!.id
  browser = await launchBrowser()
}, 240_000)

afterAll(async () => {
  for (const context of contexts) await context.close()
  await browser?.close()
  await server?.close()
})

describe('stored survey markup', () => {
  it('is cleaned by the server when an admin stores it: harmless formatting kept, handlers and scripts gone', async () => {
    const created = await call<{ id: string; json: typeof rawSurvey }>(adminCookie, 'POST', '/p/satisfaction-survey/surveys', {
      name: 'Store visit', json: rawSurvey, scores: { nps: 'nps' }, locales: ['en', 'zh-CN'], defaultLocale: 'en',
    })
    surveyId = created.id
    const version = await call<{ json: typeof rawSurvey }>(adminCookie, 'POST', `/p/satisfaction-survey/surveys/${surveyId}/versions`)
    const stored = await call<{ json: typeof rawSurvey }>(ownerCookie, 'GET', `/p/satisfaction-survey/surveys/${surveyId}`)
    for (const json of [created.json, version.json, stored.json]) {
      const markup = JSON.stringify([json.completedHtml, json.pages[0]!.elements[0]])
      for (const bad of ['onerror', 'onload', '<script', 'javascript:', '<svg', '<iframe', 'api/v1/users']) expect(markup).not.toContain(bad)
      expect(json.pages[0]!.elements[0]).toMatchObject({ html: { default: expect.stringContaining('<p><b>Welcome</b></p>'), 'zh-cn': expect.stringContaining('<p><b>欢迎</b></p>') } })
      expect(json.completedHtml.default).toContain('<p><b>Thanks</b></p>')
      expect(json.title).toEqual(rawSurvey.title) // drawn as text, stored as written
    }
  })

  it.each([['en', 'en-US', 'You wrote:', 'Thank you!'], ['zh-CN', 'zh-CN', '您写道：', '感谢您的反馈！']] as const)('the customer page in %s draws the survey, and the customer’s own markup as text', async (locale, browserLocale, echo, thanks) => {
    const { url } = await call<{ url: string }>(adminCookie, 'POST', `/p/satisfaction-survey/surveys/${surveyId}/invitations`, { customerId, locale, ignoreQuietPeriod: true })
    const page = await watchedPage(browserLocale)
    const res = await page.goto(`${server.url}${url}`)
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'")
    await expect.poll(() => page.locator('.sd-rating__item').count(), { timeout: 20_000 }).toBe(11)
    expect(await page.locator('b', { hasText: locale === 'en' ? 'Welcome' : '欢迎' }).count()).toBe(1)
    await page.locator('.sd-rating__item', { hasText: /^\s*3\s*$/ }).click()
    await page.locator('textarea').fill(customerAnswer)
    await page.locator('textarea').blur()
    await expect.poll(() => page.locator('p').filter({ hasText: echo }).filter({ hasText: customerAnswer }).count()).toBe(1)
    expect(await page.locator('b', { hasText: 'bold answer' }).count()).toBe(0)
    await check(page, `customer-${locale}`)
    await page.locator('.sd-navigation__complete-btn').click()
    await expect.poll(() => page.getByRole('heading', { name: thanks }).count(), { timeout: 15_000 }).toBe(1)
    expect(incidents).toEqual([])
  })

  it('the owner walks the builder, preview, results and response detail in English and 中文 without running any of it', async () => {
    const responses = await call<{ items: Array<{ id: string; answers: Record<string, unknown> }> }>(ownerCookie, 'GET', `/p/satisfaction-survey/responses?surveyId=${surveyId}`)
    expect(responses.items.map((r) => r.answers.why)).toEqual([customerAnswer, customerAnswer])
    await walkAsOwner(surveyId, responses.items[0]!.id, 'store-visit')
    expect(incidents).toEqual([])
  })

  it('draws a survey stored before the fix (payloads in its rows) harmlessly on every page', async () => {
    const created = await call<{ id: string }>(adminCookie, 'POST', '/p/satisfaction-survey/surveys', {
      name: 'Legacy rows', json: rawSurvey, scores: { nps: 'nps' }, locales: ['en', 'zh-CN'], defaultLocale: 'en',
    })
    legacySurveyId = created.id
    await call(adminCookie, 'POST', `/p/satisfaction-survey/surveys/${legacySurveyId}/versions`)
    await server.db.run('UPDATE satisfaction_surveys SET draft = ? WHERE id = ?', [JSON.stringify(rawSurvey), legacySurveyId])
    await server.db.run('UPDATE satisfaction_versions SET json = ? WHERE survey_id = ?', [JSON.stringify(rawSurvey), legacySurveyId])

    const { url } = await call<{ url: string }>(adminCookie, 'POST', `/p/satisfaction-survey/surveys/${legacySurveyId}/invitations`, { customerId, locale: 'zh-CN', ignoreQuietPeriod: true })
    const customer = await watchedPage('zh-CN')
    await customer.goto(`${server.url}${url}`)
    await expect.poll(() => customer.locator('b', { hasText: '欢迎' }).count(), { timeout: 20_000 }).toBe(1)
    await check(customer, 'legacy-customer-zh')
    const token = url.replace('/s/', '')
    const done = await fetch(`${server.url}/api/p/satisfaction-survey/respond/${legacySurveyId}/complete`, {
      method: 'POST', headers: { 'x-rapport-link': token, 'content-type': 'application/json' }, body: JSON.stringify({ answers: { nps: 2, why: customerAnswer }, locale: 'zh-CN' }),
    })
    expect(done.status).toBe(201)
    const responses = await call<{ items: Array<{ id: string }> }>(ownerCookie, 'GET', `/p/satisfaction-survey/responses?surveyId=${legacySurveyId}`)
    await walkAsOwner(legacySurveyId, responses.items[0]!.id, 'legacy')
    // The payloads' handlers reach the pages' sanitiser, which parses them inertly: the browser
    // reports each handler attribute it would block. Nothing else may be reported.
    const blockedHandler = /Content Security Policy violation: script-src-attr inline|Executing inline event handler violates the following Content Security Policy/
    expect(incidents.filter((incident) => !blockedHandler.test(incident))).toEqual([])
    incidents.length = 0
    const users = await call<{ items: Array<{ email: string }> }>(ownerCookie, 'GET', '/v1/users')
    expect(users.items.map((u) => u.email)).not.toContain('evil@example.com')
  })

  it('sends the Content-Security-Policy on /admin, /s, /m and /c', async () => {
    for (const pagePath of ['/admin/', '/admin/satisfaction-survey', '/s/anything', '/m/anything', '/c/']) {
      const res = await fetch(`${server.url}${pagePath}`)
      expect(res.status, pagePath).toBe(200)
      const csp = res.headers.get('content-security-policy') ?? ''
      for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp, pagePath).toContain(directive)
      // Scripts from the server only; the admin's one inline script, its import map, is allowed by its hash.
      const scriptSources = (/script-src ([^;]*)/.exec(csp)?.[1] ?? '').split(' ')
      expect(scriptSources.filter((source) => !(pagePath.startsWith('/admin') && /^'sha256-[\w+/=]+'$/.test(source))), pagePath).toEqual(["'self'"])
      expect(csp, pagePath).not.toMatch(/script-src[^;]*unsafe/)
    }
  })
})
