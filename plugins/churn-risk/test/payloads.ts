/**
 * Whole payloads of the other plugins' events, as their contracts type them (the stand-ins in
 * probes.ts read only a few fields, but a test emits what the real plugin would).
 */
import type { PayloadOf } from '@rapport/plugin-sdk'

let seq = 0
/** @example await host.emit('survey.response.completed', id, answer(9)) */
export const answer = (nps: number | null, csat: number | null = null): PayloadOf<'survey.response.completed'> =>
  ({ surveyId: 'srv_nps', version: 1, responseId: `rsp_${++seq}`, channel: 'link', nps, csat, ces: null })
/** A case opened, as complaint-tracking emitted it before 0.3.0 (`complaints.opened`). */
export const caseOpened = (caseId: string): PayloadOf<'complaints.opened'> => ({ caseId, channel: 'web', category: 'service', priority: 'normal' })
/** A case resolved, as complaint-tracking emitted it before 0.3.0 (`complaints.resolved`). */
export const caseResolved = (caseId: string): PayloadOf<'complaints.resolved'> =>
  ({ caseId, customerId: null, resolutionCode: 'fixed', category: 'service', resolvedAt: new Date(0).toISOString() })
/** @example await host.emit('tier.changed', id, tierChange('silver', 'bronze', 'downgrade')) */
export const tierChange = (from: 'diamond' | 'silver' | 'bronze' | 'iron', to: 'diamond' | 'silver' | 'bronze' | 'iron', reason: 'upgrade' | 'downgrade'): PayloadOf<'tier.changed'> =>
  ({ from, to, reason, trigger: 'event', spendMinor: 0, mode: 'percentile', basis: 'spend', value: 0 })
