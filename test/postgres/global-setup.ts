/**
 * @module
 * Vitest globalSetup of the whole run: with RAPPORT_TEST_POSTGRES=1 (and no RAPPORT_TEST_POSTGRES_URL
 * already pointing at a server), starts one throwaway PostgreSQL server and hands its admin URL to
 * every test worker through RAPPORT_TEST_POSTGRES_URL, so `dialects` gains `postgres`; each test
 * app then works in its own schema. The server is stopped and removed when the run ends.
 */
import { startPostgresServer } from '../support/postgres-server.js'

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.RAPPORT_TEST_POSTGRES !== '1' || process.env.RAPPORT_TEST_POSTGRES_URL) return undefined
  const server = await startPostgresServer()
  // Workers start after globalSetup and inherit this process's environment.
  process.env.RAPPORT_TEST_POSTGRES_URL = server.adminUrl
  return async () => {
    delete process.env.RAPPORT_TEST_POSTGRES_URL
    await server.stop()
  }
}
