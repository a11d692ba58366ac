/**
 * @module
 * Route policies: every route declares who may call it, and one middleware enforces it.
 */
import type { MiddlewareHandler } from 'hono'
import { authErrors } from '../errors/index.js'
import { linkErrors } from '../links/link-errors.js'
import { ROLES, type ApiScope, type AppEnv, type Caller, type Role } from './app-env.js'

/**
 * Who may call a route: `'anonymous'` (anyone), or signed-in users with one of `roles`, API keys
 * holding `scope`, and customers holding a signed link issued for the `customerLink` purpose.
 * A route without a policy is refused when the app is built.
 * @example const access: Access = { roles: ['owner', 'admin'], scope: 'customers:write' }
 */
export type Access = 'anonymous' | { roles?: readonly Role[]; scope?: ApiScope; customerLink?: string }

/** A policy that names who may call (every policy but `'anonymous'`); these can be combined by spreading. */
export type CallerAccess = Exclude<Access, 'anonymous'>

/** Ready-made policies so routes read as intent. @example defineRoute({ access: policies.staffRead('customers:read'), ... }) */
export const policies = {
  anonymous: 'anonymous' as const,
  /** Any signed-in user, no API key. */
  signedIn: { roles: ROLES } as CallerAccess,
  /** Any signed-in role, or an API key with the scope. */
  staffRead: (scope?: ApiScope): CallerAccess => ({ roles: ROLES, ...(scope ? { scope } : {}) }),
  /** Roles that change data (not analysts), or an API key with the scope. */
  staffWrite: (scope?: ApiScope): CallerAccess => ({ roles: ['owner', 'admin', 'agent'], ...(scope ? { scope } : {}) }),
  /** Owners and admins only (settings, users, keys). */
  admins: { roles: ['owner', 'admin'] } as CallerAccess,
  /** Owners only (erasure of a customer's personal data). */
  owners: { roles: ['owner'] } as CallerAccess,
  /**
   * Who may write business events (orders, refunds, customer updates: what earns points and
   * tiers): API keys with `events:write`, owners and admins; agents and analysts may not.
   */
  businessEvents: { roles: ['owner', 'admin'], scope: 'events:write' } as CallerAccess,
  /**
   * Who may export personal data (a segment's customers, one customer's whole record, survey
   * responses): owners and admins, each export audit-logged with its row count. No API key: an
   * integration reads customers page by page with `customers:read`.
   */
  personalDataExport: { roles: ['owner', 'admin'] } as CallerAccess,
  /** A customer with a signed link for `purpose` (a handler must still check the customer is the one in the path). */
  customer: (purpose: string): CallerAccess => ({ customerLink: purpose }),
}

/** True when the caller satisfies the policy. @example allows(policies.admins, caller) */
export function allows(access: Access, caller: Caller): boolean {
  if (access === 'anonymous') return true
  if (caller.kind === 'user') return access.roles?.includes(caller.role) ?? false
  if (caller.kind === 'apiKey') return access.scope !== undefined && caller.scopes.includes(access.scope)
  if (caller.kind === 'customer') return access.customerLink !== undefined && access.customerLink === caller.purpose
  return false
}

/** A readable form of a policy, for docs and error details. @example describeAccess(policies.admins) // 'role owner|admin' */
export function describeAccess(access: Access): string {
  if (access === 'anonymous') return 'anonymous'
  const parts = []
  if (access.roles?.length) parts.push(`role ${access.roles.join('|')}`)
  if (access.scope) parts.push(`API key scope ${access.scope}`)
  if (access.customerLink) parts.push(`customer link for ${access.customerLink}`)
  return parts.join(' or ')
}

/**
 * Enforces a route's policy: 401 when nobody is identified, 403 when the caller lacks the role or
 * scope, and 403 LINK_WRONG_PURPOSE when a customer link issued for one plugin's pages is used on
 * a route that takes links of another (so a customer page can say "this link is not for this page").
 * @example app.use('/x', requireAccess({ roles: ['owner'] }))
 */
export function requireAccess(access: Access): MiddlewareHandler<AppEnv> {
  return async function requireAccessPolicy(c, next) {
    const caller = c.get('caller')
    if (!allows(access, caller)) {
      if (caller.kind === 'anonymous') throw authErrors.REQUIRED()
      if (caller.kind === 'customer' && access !== 'anonymous' && access.customerLink) throw linkErrors.WRONG_PURPOSE({ purpose: caller.purpose, needs: access.customerLink })
      throw authErrors.FORBIDDEN({ needs: describeAccess(access) })
    }
    await next()
  }
}
