/**
 * @module
 * Who can call Rapport and what the request context carries.
 */

/** Admin roles, strongest first. owner: everything; admin: all but owner-only acts; agent: day-to-day work; analyst: read-only. */
export const ROLES = ['owner', 'admin', 'agent', 'analyst'] as const
export type Role = (typeof ROLES)[number]

/** What an API key may be scoped to. `vouchers:use`: a till looks voucher codes up and uses them (points-membership), nothing else. */
export const API_SCOPES = ['customers:read', 'customers:write', 'events:read', 'events:write', 'imports:write', 'vouchers:use'] as const
export type ApiScope = (typeof API_SCOPES)[number]

/** The caller of one request, resolved once by the caller middleware. */
export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: string; role: Role; sessionId: string }
  | { kind: 'apiKey'; keyId: string; scopes: readonly ApiScope[] }
  /** A customer holding a signed link for one purpose (e.g. `points-membership`). */
  | { kind: 'customer'; customerId: string; purpose: string; linkId: string }

/** Hono environment shared by every core route. */
export type AppEnv = {
  Variables: {
    requestId: string
    caller: Caller
  }
}
