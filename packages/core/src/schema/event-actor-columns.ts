/**
 * @module
 * Migration 0013: who caused each event. `actor_type` is `user`, `apiKey`, `customer`,
 * `anonymous` or `system`; `actor_id` the user, key or customer id, or what acted for `system`
 * (`job:<plugin>:<name>`, `demo`, `import`). Events logged before this migration keep NULL:
 * their actor was not recorded, and guessing one would make the log say something untrue.
 */
import type { Migration } from '@rapport/db'

const statements = ['ALTER TABLE core_events ADD COLUMN actor_type TEXT', 'ALTER TABLE core_events ADD COLUMN actor_id TEXT']

/** @example coreMigrations.push(eventActorColumns) */
export const eventActorColumns: Migration = { id: '0013_event_actor', sqlite: statements, pg: statements }
