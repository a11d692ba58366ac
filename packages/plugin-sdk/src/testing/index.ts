/**
 * @module
 * `createTestHost`: boots a real host (HTTP app, database, event log, profile, scoring) with
 * your plugins on SQLite or PGlite, for tests through the public surface. The event-time kit:
 * a fake clock (`setTime`, `advance`), `replayHistory` (live, or through the import), `compareHosts`
 * (profiles, explanations, plugin tables) and `watchWallClock` (no wall clock inside handlers).
 */
export { createTestHost, type TestHost, type TestHostOptions, type Client } from './create-test-host.js'
export { replayHistory, type History, type HistoryCustomer, type HistoryOrder } from './replay-history.js'
export { compareHosts, type CompareOptions, type StateDifference } from './compare-hosts.js'
export { watchWallClock, type WallClockRead, type WallClockWatch } from './watch-wall-clock.js'
export { dialects, type TestDialect } from '@rapport/core/testing'
