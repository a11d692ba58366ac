/**
 * @module
 * Stores one past case by living through its history on its own dates: the live intake, workflow
 * and reply functions run with a clock set to each step's time (their `now`, and the `occurredAt`
 * of the events they emit). So the case, its history, its SLA clocks and outcomes (computed on the
 * business calendar against the pinned policy), `complaint.opened` and `complaint.resolved` are
 * what they would have been live. A follow-up visit the resolution schedules that was due before
 * the import is cancelled (whether it happened is not known) and the cancellation is recorded.
 */
import type { Queryable } from '@rapport/plugin-sdk'
import type { Case } from '../cases/case-store.js'
import type { CaseDeps } from '../cases/case-deps.js'
import { recordHistory } from '../cases/case-log.js'
import { findBySource } from '../cases/case-store.js'
import { openCase } from '../cases/open-case.js'
import { postMessage } from '../cases/post-message.js'
import { transitionCase } from '../cases/transition-case.js'
import { cancelPending, caseFollowUps } from '../follow-ups/follow-up-store.js'

/** Statuses a case may end in when imported (pending ones have no time of their own to replay). */
export const IMPORTABLE_STATUSES = ['new', 'open', 'resolved', 'closed'] as const

/** The customer-visible reply recorded at `firstResponseAt` (the first response itself is not in the file). */
export const FIRST_RESPONSE_TEXT = '首次回复（导入的历史记录） / First response (imported history)'

/** A checked row. */
export type ImportedCase = {
  caseRef: string; customerId: string; category: string; priority: Case['priority']; channel: Case['channel']; description: string; orderRef: string | null
  status: (typeof IMPORTABLE_STATUSES)[number]; openedAt: string; firstResponseAt?: string | undefined; resolvedAt?: string | undefined; closedAt?: string | undefined
  resolutionCode?: string | undefined; resolutionSummary?: string | undefined
}

/** The source key that makes an import idempotent. @example importSourceKey('CRM-7') // 'import:CRM-7' */
export const importSourceKey = (caseRef: string): string => `import:${caseRef}`

/** The case functions' dependencies with the clock set to `at`, for their dates and their events. */
function at(deps: CaseDeps, time: string): CaseDeps {
  return {
    config: deps.config, updateProfile: deps.updateProfile, readProfile: deps.readProfile, timeZone: deps.timeZone,
    now: () => new Date(time),
    emit: (type, customerId, payload, options) => deps.emit(type, customerId, payload, { ...options, occurredAt: options.occurredAt ?? time }),
  }
}

/** @example await writeImportedCase(tx, ctx, row, 'user:u1') // 'imported' or 'duplicate' */
export async function writeImportedCase(tx: Queryable, deps: CaseDeps, row: ImportedCase, actor: string): Promise<'imported' | 'duplicate'> {
  const sourceKey = importSourceKey(row.caseRef)
  if (await findBySource(tx, sourceKey, deps.now())) return 'duplicate'
  const opened = at(deps, row.openedAt)
  const created = await openCase(tx, opened, {
    customerId: row.customerId, channel: row.channel, category: row.category, priority: row.priority, description: row.description,
    orderRef: row.orderRef, createdBy: actor, sourceKey, contact: null,
  })
  if (row.status !== 'new') await transitionCase(tx, opened, created.id, { to: 'open', actor })
  if (row.firstResponseAt) {
    await postMessage(tx, at(deps, row.firstResponseAt), created.id, { body: FIRST_RESPONSE_TEXT, visibility: 'customer', actor, byCustomer: false }, () => {})
  }
  if (row.resolvedAt) {
    await transitionCase(tx, at(deps, row.resolvedAt), created.id, { to: 'resolved', resolutionCode: row.resolutionCode!, summary: row.resolutionSummary ?? row.resolutionCode!, actor })
    const now = deps.now().toISOString()
    if ((await caseFollowUps(tx, created.id)).some((f) => f.status === 'pending' && f.dueAt <= now)) {
      for (const followUpId of await cancelPending(tx, created.id)) {
        await recordHistory(tx, created.id, { action: 'follow_up_cancelled', actor, fromStatus: null, toStatus: null, details: { followUpId, reason: 'imported past due' }, at: now }, 'internal')
      }
    }
  }
  if (row.closedAt) await transitionCase(tx, at(deps, row.closedAt), created.id, { to: 'closed', actor })
  return 'imported'
}
