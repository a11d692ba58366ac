/**
 * @module
 * What the complaint messages share: the case facts they name (read from the case row, so a
 * message never carries the complaint's text), the links they carry (the customer's case page,
 * signed by core when the message goes out; the case's page in the admin for staff), and the rule
 * that a notice more than a day late is not sent: an imported or replayed complaint, or an SLA
 * slot replayed long after, is history, not news.
 */
import type { Queryable, RapportEvent, SubscriberContext } from '@rapport/plugin-sdk'
import { LINK } from '../routes/cases.js'

/** How long a customer's case link in a message stays open. */
const CUSTOMER_LINK_DAYS = 30
const DAY_MS = 86_400_000

/** The facts of a case a message names. */
export type CaseFacts = { caseNumber: string; customerId: string | null; assigneeId: string | null }

/** The case's number, customer and assignee, or undefined. @example const facts = await caseFacts(tx, caseId) */
export async function caseFacts(tx: Queryable, caseId: string): Promise<CaseFacts | undefined> {
  const row = await tx.get<{ case_number: string | null; customer_id: string | null; assignee_id: string | null }>(
    'SELECT case_number, customer_id, assignee_id FROM complaints_cases WHERE id = ?', [caseId])
  return row && { caseNumber: row.case_number ?? '', customerId: row.customer_id, assigneeId: row.assignee_id }
}

/**
 * The customer's page of the case (`/c/<token>/<caseId>`), open 30 days from `at`.
 * @example await ctx.deliver({ …, link: customerCaseLink(caseId, ctx.now()) })
 */
export const customerCaseLink = (caseId: string, at: Date) =>
  ({ path: `/c/{token}/${caseId}`, linkId: `${LINK}:case:${caseId}`, expiresAt: new Date(at.getTime() + CUSTOMER_LINK_DAYS * DAY_MS).toISOString() })

/**
 * The case's page in the admin, for a staff message (staff sign in; nothing is signed).
 * @example await ctx.deliver({ to: { userId }, …, link: adminCaseLink(caseId, ctx.now()) })
 */
export const adminCaseLink = (caseId: string, at: Date) =>
  ({ path: `/admin/plugins/${LINK}/cases/${encodeURIComponent(caseId)}`, linkId: `admin:${caseId}`, expiresAt: new Date(at.getTime() + CUSTOMER_LINK_DAYS * DAY_MS).toISOString() })

/** True when the event was recorded more than a day after it happened (an import, a replay). @example if (isHistory(event)) return */
export const isHistory = (event: Pick<RapportEvent, 'occurredAt' | 'recordedAt'>): boolean =>
  Date.parse(event.recordedAt) - Date.parse(event.occurredAt) > DAY_MS

/**
 * Runs `work` once the emitter has finished with the event (it may save the case after emitting,
 * as the SLA escalation does with a reassignment), in the same transaction.
 * @example await whenSettled(sub, `message:${caseId}`, (tx) => send(tx))
 */
export async function whenSettled({ tx, settle }: SubscriberContext, key: string, work: (tx: Queryable) => Promise<void>): Promise<void> {
  if (settle) await settle(`complaint-messages:${key}`, work)
  else await work(tx)
}

/** A staff user is a `usr_` id; a team (`team:<name>`) or nobody gets no message. */
export const isUser = (assigneeId: string | null): assigneeId is string => assigneeId !== null && !assigneeId.startsWith('team:')
