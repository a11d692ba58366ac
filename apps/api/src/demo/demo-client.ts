/**
 * @module
 * The demo's staff and customers calling the API in process, as the admin and the customer pages
 * would: the owner and two agents signed in with session cookies, customers with their survey links.
 * Refusals a real shop meets (balance too low, out of stock, not scored yet) come back as `refused`;
 * anything else unexpected stops the seeding with the answer in the message.
 */
import { randomBytes } from 'node:crypto'
import { createUser, type CoreServices } from '@rapport/core'
import type { DemoStaff } from './demo-steps.js'

/** What the app answers to, as `app.fetch` of a Hono app. */
export type DemoFetch = (request: Request) => Response | Promise<Response>

export type DemoCaller = DemoStaff | { link: string }

export type DemoAnswer = { ok: true; status: number; body: any } | { ok: false; status: number; code: string }

export type DemoClient = {
  /** User ids of the staff, for assignments. */
  userIds: Record<DemoStaff, string>
  call(as: DemoCaller, method: string, path: string, body?: unknown): Promise<DemoAnswer>
}

const ORIGIN = 'http://rapport.demo'
/** Statuses of refusals the demo expects now and then; others are bugs. */
const EXPECTED_REFUSALS = new Set([404, 409, 422])

export const DEMO_AGENTS = [
  { key: 'agent1' as const, email: 'wang.fang@example.com', name: '王芳', role: 'agent' as const },
  { key: 'agent2' as const, email: 'lucas.chen@example.com', name: 'Lucas Chen', role: 'agent' as const },
]

/**
 * Signs in the owner (whose password the caller knows) and creates the two agents with passwords
 * nobody keeps: they exist to act in the demo history, not to sign in.
 * @example const client = await demoClient(services, app.fetch, DEMO_OWNER)
 */
export async function demoClient(s: CoreServices, fetch: DemoFetch, owner: { id: string; email: string; password: string }): Promise<DemoClient> {
  const cookies = {} as Record<DemoStaff, string>
  const userIds = { owner: owner.id } as Record<DemoStaff, string>
  cookies.owner = await signIn(fetch, owner.email, owner.password)
  for (const agent of DEMO_AGENTS) {
    const password = randomBytes(18).toString('base64url')
    const user = await createUser(s.db, { email: agent.email, name: agent.name, role: agent.role, password }, s.now())
    userIds[agent.key] = user.id
    cookies[agent.key] = await signIn(fetch, agent.email, password)
  }
  return {
    userIds,
    async call(as, method, path, body) {
      const headers: Record<string, string> = { origin: ORIGIN }
      if (typeof as === 'string') headers.cookie = cookies[as]
      else headers['x-rapport-link'] = as.link
      if (body !== undefined) headers['content-type'] = 'application/json'
      const res = await fetch(new Request(`${ORIGIN}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }))
      const text = await res.text()
      const parsed = text ? JSON.parse(text) : null
      if (res.ok) return { ok: true, status: res.status, body: parsed }
      if (EXPECTED_REFUSALS.has(res.status) && parsed?.error?.code) return { ok: false, status: res.status, code: parsed.error.code }
      throw new Error(`demo ${method} ${path} answered ${res.status}: ${text.slice(0, 500)}`)
    },
  }
}

async function signIn(fetch: DemoFetch, email: string, password: string): Promise<string> {
  const res = await fetch(new Request(`${ORIGIN}/api/v1/auth/login`, { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) }))
  const cookie = res.headers.get('set-cookie')?.split(';')[0]
  if (!cookie) throw new Error(`demo sign-in as ${email} failed: ${res.status} ${await res.text()}`)
  return cookie
}
