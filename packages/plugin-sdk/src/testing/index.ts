/**
 * @module
 * `createTestHost`: boots a real host (HTTP app, database, event log, profile, scoring) with
 * your plugins on SQLite or PGlite, for tests through the public surface.
 */
export { createTestHost, type TestHost, type TestHostOptions, type Client } from './create-test-host.js'
export { dialects, type TestDialect } from '@rapport/core/testing'
