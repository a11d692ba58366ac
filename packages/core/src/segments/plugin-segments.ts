/**
 * @module
 * `ctx.segments`: the read-only view of saved segments a plugin gets, so survey triggers and
 * points rules can be limited to a segment the admin built.
 */
import type { Logger } from 'pino'
import { RapportError } from '../errors/rapport-error.js'
import type { PluginSegments } from '../plugins/contract.js'
import { writeHeldProfiles } from '../profile/write-planned-changes.js'
import type { CoreServices } from '../services.js'
import { containsCustomer, memberPages, savedSegmentCondition } from './segment-members.js'
import { findSegment, listSegments } from './segment-store.js'

/**
 * The segments view of one plugin's context.
 * @example const segments = pluginSegments(s, log); await segments.contains('seg_01…', customerId)
 */
export function pluginSegments(s: CoreServices, log: Logger): PluginSegments {
  return {
    list: async () => (await listSegments(s.db)).map(({ id, name }) => ({ id, name })),
    async contains(segmentId, customerId, tx) {
      const db = tx ?? s.db
      const segment = await findSegment(db, segmentId)
      if (!segment) {
        log.warn({ segmentId }, 'segment not found; treated as not containing the customer')
        return false
      }
      try {
        // The condition reads profile rows: the changes the event being handled holds are written first.
        await writeHeldProfiles(db)
        return await containsCustomer(db, savedSegmentCondition(s.runtime.fields(), segment), customerId)
      } catch (err) {
        if (!(err instanceof RapportError) || err.code !== 'SEGMENT_STALE') throw err
        log.warn({ segmentId, code: err.code }, 'segment no longer applies; treated as not containing the customer')
        return false
      }
    },
    async *members(segmentId, tx) {
      const db = tx ?? s.db
      const segment = await findSegment(db, segmentId)
      if (!segment) return log.warn({ segmentId }, 'segment not found; it has no members')
      let where: ReturnType<typeof savedSegmentCondition>
      try {
        where = savedSegmentCondition(s.runtime.fields(), segment)
      } catch (err) {
        if (!(err instanceof RapportError) || err.code !== 'SEGMENT_STALE') throw err
        return log.warn({ segmentId, code: err.code }, 'segment no longer applies; it has no members')
      }
      await writeHeldProfiles(db)
      for await (const rows of memberPages(db, segmentId, where)) yield rows.map((r) => r.id)
    },
  }
}
