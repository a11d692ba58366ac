/**
 * Whole payloads of the other plugins' events, as their contracts type them (the stand-ins in
 * probes.ts read only a few fields, but a test emits what the real plugin would).
 */
import type { PayloadOf } from '@rapport/plugin-sdk'

/** @example await host.emit('points.earned', id, earned(100, 100)) */
export const earned = (points: number, balance: number): PayloadOf<'points.earned'> =>
  ({ entryId: `ent_${balance}`, lotId: `lot_${balance}`, points, debtRepaid: 0, availableAt: '2026-01-01T00:00:00.000Z', expiresAt: '2027-01-01T00:00:00.000Z', balance })
/** @example await host.emit('complaint.opened', id, caseOpened('c1')) */
export const caseOpened = (caseId: string): PayloadOf<'complaint.opened'> => ({ caseId, channel: 'web', category: 'service', priority: 'normal' })
/** @example await host.emit('complaint.resolved', id, caseResolved('c1')) */
export const caseResolved = (caseId: string): PayloadOf<'complaint.resolved'> =>
  ({ caseId, customerId: null, resolutionCode: 'fixed', category: 'service', resolvedAt: '2026-01-01T00:00:00.000Z' })
