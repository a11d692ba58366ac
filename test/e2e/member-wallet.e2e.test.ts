/**
 * The member's wallet on the member page /m, on a phone (390×844) in 中文 and English, then on a
 * desktop: the vouchers the member redeemed with a QR code of each usable code (the code itself,
 * never the link), status and expiry after a reload, the progress to the next tier with its
 * review date (tiering's `tiering.progress`), the points expiring within 30/60/90 days and the
 * member's referral code.
 * Screenshots land in test-results/member-wallet-e2e/.
 */
import path from 'node:path'
import pointsMembership from '@rapport/plugin-points-membership/server'
import tiering from '@rapport/plugin-tiering/server'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callApi } from './support/call-api'
import { startE2eServer, type E2eServer } from './support/e2e-server'
import { ensurePointsPagesBuild } from './support/ensure-points-pages-build'
import { launchBrowser } from './support/launch-browser'
import { type AxeFinding, describeFindings, seriousViolations } from './support/run-axe'

const base = '/api/p/points-membership'
let server: E2eServer
let browser: Browser
let cookie = ''
let token = ''
const codes: string[] = []
const findings: AxeFinding[] = []
const api = <T>(method: string, url: string, body?: unknown) => callApi<T>(server.url, cookie, method, url, body)

beforeAll(async () => {
  ensurePointsPagesBuild()
  server = await startE2eServer({ name: 'member-wallet-e2e', demo: { customers: 20 }, plugins: [tiering, pointsMembership] })
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ email: 'admin@example.com', password: 'rapport-demo' }),
  })
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!
  const members = await api<{ items: Array<{ customerId: string }> }>('GET', `${base}/members?limit=1`)
  const customerId = members.items[0]!.customerId
  await api('POST', `${base}/members/${customerId}/adjustments`, { points: 2_000, reason: 'wallet e2e' })
  await api('POST', `${base}/rewards`, { id: 'wallet-coffee', name: 'Free coffee', costPoints: 100, kind: 'gift', value: { type: 'product', sku: 'CF-1', productName: 'Coffee' } })
  await api('POST', `${base}/rewards`, { id: 'wallet-ten-off', name: '¥10 voucher', costPoints: 200, kind: 'voucher', value: { type: 'amount', amountMinor: 1_000, currency: 'CNY' } })
  token = (await api<{ token: string }>('POST', `${base}/members/${customerId}/links`, { ttlDays: 7 })).token
  for (const [rewardId, key] of [['wallet-coffee', 'e2e-1'], ['wallet-ten-off', 'e2e-2']]) {
    const res = await fetch(`${server.url}${base}/me/redemptions`, {
      method: 'POST', headers: { 'x-rapport-link': token, 'content-type': 'application/json' }, body: JSON.stringify({ rewardId, idempotencyKey: key }),
    })
    codes.push(((await res.json()) as { vouchers: Array<{ code: string }> }).vouchers[0]!.code)
  }
  browser = await launchBrowser()
}, 240_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** Opens the member page at a size and language, checks the wallet, and takes a screenshot. */
async function openWallet(locale: 'en' | 'zh-CN', viewport: { width: number; height: number }, shot: string) {
  const phone = viewport.width < 600
  const context = await browser.newContext({ bypassCSP: true, locale, timezoneId: 'Asia/Shanghai', viewport, isMobile: phone, hasTouch: phone })
  try {
    const page = await context.newPage()
    page.on('pageerror', (e) => { throw e })
    await page.goto(`${server.url}/m/${encodeURIComponent(token)}?lang=${locale}`)
    const vouchers = page.getByTestId('wallet-voucher')
    await expect.poll(() => vouchers.count()).toBe(2)
    const texts = await vouchers.allTextContents()
    for (const code of codes) expect(texts.join('\n')).toContain(code)
    // One QR per usable code, named by that code; nothing on the page carries the link's token.
    for (const code of codes) expect(await page.getByRole('img', { name: new RegExp(code) }).count()).toBe(1)
    expect(await page.locator('svg.qr').count()).toBe(2)
    expect(await page.content()).not.toContain(token)
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(scrollWidth).toBeLessThanOrEqual(viewport.width)
    await page.screenshot({ path: path.join(server.screenshots, `${shot}.png`), fullPage: true })
    findings.push(...(await seriousViolations(page, shot)))
    return { text: (await page.locator('main').textContent()) ?? '', windows: (await page.getByTestId('expiring-windows').textContent()) ?? '', referral: (await page.getByTestId('referral-code').textContent()) ?? '' }
  } finally {
    await context.close()
  }
}

describe('the member wallet', () => {
  it('shows the vouchers with QR codes, tier progress and expiring points on a phone in English', async () => {
    const { text, windows, referral } = await openWallet('en', { width: 390, height: 844 }, 'wallet-phone-en')
    expect(text).toContain('My vouchers')
    expect(text).toContain('Free coffee')
    expect(text).toContain('CN¥10.00 off')
    expect(text).toContain('Ready to use')
    expect(text).toMatch(/Your tier is reviewed on|You are in the top tier|to reach/)
    expect(windows).toContain('Within 30 days')
    expect(windows).toContain('Within 90 days')
    expect(text).toContain('Invite a friend')
    expect(referral).toMatch(/^R[2-9A-HJKMNP-Z]{7}$/)
  })

  it('shows the same wallet in 中文 on a phone', async () => {
    const { text, windows, referral } = await openWallet('zh-CN', { width: 390, height: 844 }, 'wallet-phone-zh')
    expect(text).toContain('我的券')
    expect(text).toContain('可使用')
    expect(text).toContain('立减')
    expect(windows).toContain('30 天内过期')
    expect(text).toContain('邀请好友')
    expect(referral).toMatch(/^R[2-9A-HJKMNP-Z]{7}$/)
  })

  it('lays the wallet out on a desktop in both languages', async () => {
    expect((await openWallet('en', { width: 1440, height: 900 }, 'wallet-desktop-en')).text).toContain('My vouchers')
    expect((await openWallet('zh-CN', { width: 1440, height: 900 }, 'wallet-desktop-zh')).text).toContain('我的券')
  })

  it('has no serious or critical accessibility violations', () => {
    expect(findings, describeFindings(findings)).toEqual([])
  })
})
