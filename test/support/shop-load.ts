/**
 * @module
 * A small shop on a real server process and concurrent write load on it: orders through the
 * events API with an API key, survey responses through customer links, and points redemptions.
 * Every write is recorded as attempted, and as acknowledged once it got a 2xx, so a test can
 * check after a crash that acknowledged writes are there and that retries apply nothing twice.
 */
import { npsSurvey } from './full-app.js'

export const OWNER = { email: 'owner@reliability.test', password: 'a-long-owner-password' }
const SURVEY = '/api/p/satisfaction-survey'
const POINTS = '/api/p/points-membership'

export type Shop = {
  cookie: string
  key: string
  customers: Array<{ id: string; externalId: string }>
  surveyId: string
  rewardId: string
  /** Invitation tokens not used yet, and those a response was attempted with. */
  invitations: Array<{ token: string; customerId: string }>
}

export type Ledger = {
  orders: Map<string, { externalId: string; acked: boolean }>
  responses: Map<string, { token: string; responseId?: string; acked: boolean }>
  redemptions: Map<string, { customerId: string; acked: boolean }>
}

export const newLedger = (): Ledger => ({ orders: new Map(), responses: new Map(), redemptions: new Map() })

async function call(base: string, method: string, path: string, { body, headers = {}, timeoutMs = 10_000 }: { body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<Response> {
  return fetch(`${base}${path}`, {
    method, headers: { origin: base, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}), signal: AbortSignal.timeout(timeoutMs),
  })
}

async function ok(res: Response, what: string): Promise<any> {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${await res.text()}`)
  return res.status === 204 ? undefined : res.json()
}

/** Signs in the owner (created with `rapport create-admin`) and builds the shop. */
export async function setUpShop(url: string, { customers = 8, invitations = 200 } = {}): Promise<Shop> {
  const login = await call(url, 'POST', '/api/v1/auth/login', { body: OWNER })
  await ok(login, 'sign in')
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!
  const asOwner = { cookie }
  const key = (await ok(await call(url, 'POST', '/api/v1/api-keys', { headers: asOwner, body: { name: 'load', scopes: ['events:write', 'customers:write', 'customers:read'] } }), 'api key')).key as string
  const list: Shop['customers'] = []
  for (let i = 0; i < customers; i++) {
    const externalId = `c-${i}`
    const c = await ok(await call(url, 'POST', '/api/v1/customers', { headers: asOwner, body: { externalId, name: `Customer ${i}` } }), 'customer')
    const member = await call(url, 'POST', `${POINTS}/members`, { headers: asOwner, body: { customerId: c.id } })
    if (member.status !== 201 && member.status !== 409) throw new Error(`enrol: ${member.status} ${await member.text()}`)
    await ok(await call(url, 'POST', `${POINTS}/members/${c.id}/adjustments`, { headers: asOwner, body: { points: 1_000_000, reason: 'load test float', idempotencyKey: `float-${i}` } }), 'adjust')
    list.push({ id: c.id, externalId })
  }
  const survey = await ok(await call(url, 'POST', `${SURVEY}/surveys`, { headers: asOwner, body: { name: 'Load NPS', json: npsSurvey, scores: { nps: 'nps' } } }), 'survey')
  await ok(await call(url, 'POST', `${SURVEY}/surveys/${survey.id}/versions`, { headers: asOwner }), 'publish')
  const reward = await ok(await call(url, 'POST', `${POINTS}/rewards`, { headers: asOwner, body: { id: 'load-coffee', name: 'Coffee', costPoints: 10 } }), 'reward')
  const shop: Shop = { cookie, key, customers: list, surveyId: survey.id, rewardId: reward.id, invitations: [] }
  await addInvitations(url, shop, invitations)
  return shop
}

/** Creates `n` more invitations (customer links), round robin over the customers. */
export async function addInvitations(url: string, shop: Shop, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const customer = shop.customers[i % shop.customers.length]!
    const inv = await ok(await call(url, 'POST', `${SURVEY}/surveys/${shop.surveyId}/invitations`, { headers: { cookie: shop.cookie }, body: { customerId: customer.id, ignoreQuietPeriod: true } }), 'invite')
    shop.invitations.push({ token: inv.token, customerId: customer.id })
  }
}

let serial = 0
const unique = (prefix: string) => `${prefix}-${process.pid}-${Date.now().toString(36)}-${(serial++).toString(36)}`

/** One order through the events API. */
export async function sendOrder(url: string, shop: Shop, orderId: string, externalId: string): Promise<boolean> {
  const res = await call(url, 'POST', '/api/v1/events', {
    headers: { authorization: `Bearer ${shop.key}` },
    body: { events: [{ id: orderId, type: 'order.completed', customerExternalId: externalId, orderId, amountMinor: 1250, currency: 'CNY', occurredAt: '2026-05-01T10:00:00Z' }] },
  })
  if (res.status >= 300) return false
  const body = await res.json() as { results: Array<{ status: string }> }
  return body.results[0]?.status === 'accepted' || body.results[0]?.status === 'duplicate'
}

/** One redemption (idempotent by its key). */
export async function sendRedemption(url: string, shop: Shop, customerId: string, key: string): Promise<{ acked: boolean; repeated?: boolean }> {
  const res = await call(url, 'POST', `${POINTS}/members/${customerId}/redemptions`, { headers: { authorization: `Bearer ${shop.key}` }, body: { rewardId: shop.rewardId, idempotencyKey: key } })
  if (res.status >= 300) return { acked: false }
  return { acked: true, repeated: ((await res.json()) as { repeated: boolean }).repeated }
}

/**
 * Runs `workers` concurrent loops of random writes until `stop()` is true or the server goes
 * away, recording each write in `ledger`.
 */
export async function runLoad(url: string, shop: Shop, ledger: Ledger, { workers = 6, stop }: { workers?: number; stop: () => boolean }): Promise<void> {
  const one = async () => {
    while (!stop()) {
      const pick = Math.random()
      const customer = shop.customers[Math.floor(Math.random() * shop.customers.length)]!
      try {
        if (pick < 0.5) {
          const orderId = unique('o')
          ledger.orders.set(orderId, { externalId: customer.externalId, acked: false })
          if (await sendOrder(url, shop, orderId, customer.externalId)) ledger.orders.get(orderId)!.acked = true
        } else if (pick < 0.75 && shop.invitations.length > 0) {
          const inv = shop.invitations.pop()!
          ledger.responses.set(inv.token, { token: inv.token, acked: false })
          const res = await call(url, 'POST', `${SURVEY}/respond/${shop.surveyId}/complete`, { headers: { 'x-rapport-link': inv.token }, body: { answers: { nps: Math.floor(Math.random() * 11), why: 'load' } } })
          if (res.status === 201) Object.assign(ledger.responses.get(inv.token)!, { acked: true, responseId: ((await res.json()) as { responseId: string }).responseId })
        } else {
          const key = unique('r')
          ledger.redemptions.set(key, { customerId: customer.id, acked: false })
          if ((await sendRedemption(url, shop, customer.id, key)).acked) ledger.redemptions.get(key)!.acked = true
        }
      } catch {
        // The server went away mid-request (killed): this write stays unacknowledged.
        return
      }
    }
  }
  await Promise.all(Array.from({ length: workers }, one))
}

/** Checks on a running server that every acknowledged write is there; returns what is missing. */
export async function missingAcknowledged(url: string, shop: Shop, ledger: Ledger): Promise<string[]> {
  const missing: string[] = []
  for (const [orderId, o] of ledger.orders) {
    if (!o.acked) continue
    const res = await call(url, 'POST', '/api/v1/events', { headers: { authorization: `Bearer ${shop.key}` }, body: { events: [{ id: orderId, type: 'order.completed', customerExternalId: o.externalId, orderId, amountMinor: 1250, currency: 'CNY', occurredAt: '2026-05-01T10:00:00Z' }] } })
    const status = res.status < 300 ? ((await res.json()) as { results: Array<{ status: string }> }).results[0]?.status : String(res.status)
    if (status !== 'duplicate') missing.push(`order ${orderId}: a repeat answered ${status}`)
  }
  for (const [key, r] of ledger.redemptions) {
    if (!r.acked) continue
    const again = await sendRedemption(url, shop, r.customerId, key)
    if (!again.acked || again.repeated !== true) missing.push(`redemption ${key}: a repeat answered ${JSON.stringify(again)}`)
  }
  for (const r of ledger.responses.values()) {
    if (!r.acked) continue
    const res = await call(url, 'GET', `${SURVEY}/responses/${r.responseId}`, { headers: { cookie: shop.cookie } })
    if (res.status !== 200) missing.push(`response ${r.responseId}: ${res.status}`)
  }
  return missing
}

/** Sends every order again until each is stored (what a client retrying unanswered requests does). */
export async function retryAllOrders(url: string, shop: Shop, ledger: Ledger): Promise<void> {
  for (const [orderId, o] of ledger.orders) {
    if (!(await sendOrder(url, shop, orderId, o.externalId))) throw new Error(`order ${orderId} refused on retry`)
    o.acked = true
  }
}
