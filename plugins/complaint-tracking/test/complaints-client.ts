/**
 * Test helpers: the plugin's routes as HTTP calls, links for customers, and clock travel.
 */
import type { TestHost } from '@rapport/plugin-sdk/testing'

export const base = '/api/p/complaint-tracking'
export const DAY = 86_400_000

/**
 * Moves the fake clock forward in steps shorter than the 12-hour session idle time, touching the
 * owner's session between steps (the SDK's `advance` does not keep test sessions alive).
 */
export async function travel(host: TestHost, ms: number): Promise<void> {
  const step = 6 * 3_600_000
  for (let left = ms; left > 0; left -= step) {
    host.advance(Math.min(step, left))
    await host.http.get('/api/v1/customers?limit=1')
  }
}

/** A signed link token for the customer, issued by the owner. */
export async function linkFor(host: TestHost, customerId: string): Promise<string> {
  const res = await host.http.post(`/api/v1/customers/${customerId}/links`, { purpose: 'complaint-tracking' })
  if (res.status !== 201) throw new Error(`link: ${res.status} ${await res.text()}`)
  return (await host.json(res)).token
}

/** The user id of the test user with this role (signed in on first use). */
export async function userIdOf(host: TestHost, role: 'owner' | 'admin' | 'agent' | 'analyst'): Promise<string> {
  const res = await host.as(role).get('/api/v1/auth/me')
  if (res.status !== 200) throw new Error(`me: ${res.status} ${await res.text()}`)
  return (await host.json(res)).user.id
}

/** `POST /cases` as the owner; returns the case. */
export async function fileCase(host: TestHost, customerId: string, extra: Record<string, unknown> = {}): Promise<any> {
  const res = await host.http.post(`${base}/cases`, { customerId, channel: 'phone', category: 'product.quality', description: 'The cup leaks', ...extra })
  if (res.status !== 201) throw new Error(`case: ${res.status} ${await res.text()}`)
  return host.json(res)
}

/** `POST /cases/{id}/transitions` as the owner. */
export const move = (host: TestHost, caseId: string, to: string, extra: Record<string, unknown> = {}) =>
  host.http.post(`${base}/cases/${caseId}/transitions`, { to, ...extra })

/** Moves a case through `steps` (resolving with a code and summary), failing on any refusal. */
export async function walk(host: TestHost, caseId: string, steps: string[]): Promise<void> {
  for (const to of steps) {
    const res = await move(host, caseId, to, to === 'resolved' ? { resolutionCode: 'replaced', summary: 'Sent a new cup' } : {})
    if (res.status !== 200) throw new Error(`${to}: ${res.status} ${await res.text()}`)
  }
}

/** `GET /cases/{id}` as the owner, parsed. */
export async function caseOf(host: TestHost, caseId: string): Promise<any> {
  const res = await host.http.get(`${base}/cases/${caseId}`)
  if (res.status !== 200) throw new Error(`get: ${res.status} ${await res.text()}`)
  return host.json(res)
}

/** The customer's complaint events, oldest first, from `GET /api/v1/customers/{id}/events`. */
export async function complaintEvents(host: TestHost, customerId: string): Promise<Array<{ type: string; payload: any }>> {
  const res = await host.http.get(`/api/v1/customers/${customerId}/events?limit=100`)
  if (res.status !== 200) throw new Error(`events: ${res.status} ${await res.text()}`)
  return (await host.json(res)).items.filter((e: { type: string }) => e.type.startsWith('complaint.')).reverse()
}
