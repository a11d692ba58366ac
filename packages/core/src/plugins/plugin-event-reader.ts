/**
 * @module
 * The event log as a plugin may read it (`ctx.readEvents`): some types, a window of event time,
 * in log order, a page at a time. It is for previews and reports that replay history, so a plugin
 * never queries `core_events` itself (its tables are its own).
 */
import type { Queryable } from '@rapport/db'
import { toStoredEvent } from '../events/event-log.js'
import type { CoreServices } from '../services.js'
import type { ReadEventsOptions, RapportEvent } from './contract.js'

const PAGE = 500
// By type and log order: the (type, seq) index serves it; the window is a filter on event time.
const PAGE_OF = 'SELECT * FROM core_events WHERE type = ? AND seq > ? AND occurred_at >= ? AND occurred_at < ? ORDER BY seq LIMIT ?'

/**
 * @example for await (const e of readEvents(s, { types: ['order.completed'], from, to })) count += 1
 */
export async function* readEvents(s: Pick<CoreServices, 'db'>, { types, from, to, tx }: ReadEventsOptions): AsyncGenerator<RapportEvent> {
  const q: Queryable = tx ?? s.db
  // One type after the other, then merged by seq would need all in memory: log order per type is what previews need.
  for (const type of types) {
    let after = 0
    for (;;) {
      const rows = await q.all<Parameters<typeof toStoredEvent>[0]>(PAGE_OF, [type, after, from, to, PAGE])
      for (const row of rows) yield toStoredEvent(row) as unknown as RapportEvent
      if (rows.length < PAGE) break
      after = Number(rows[rows.length - 1]!.seq)
    }
  }
}
