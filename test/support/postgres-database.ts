/**
 * @module
 * A fresh, empty PostgreSQL database for one test file: on the run's server when
 * RAPPORT_TEST_POSTGRES_URL names one (the globalSetup's), else on a throwaway server of its own.
 */
import { randomBytes } from 'node:crypto'
import { openDatabase } from '@rapport/db'
import { startPostgresServer } from './postgres-server.js'

/** One database; `drop()` removes it (and the server, when it was started for it). */
export type PostgresDatabase = { url: string; drop(): Promise<void> }

/**
 * @example
 * const pg = await freshPostgresDatabase('scale')
 * await runCli(['migrate'], { DATABASE_URL: pg.url })
 * await pg.drop()
 */
export async function freshPostgresDatabase(prefix: string): Promise<PostgresDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`
  const shared = process.env.RAPPORT_TEST_POSTGRES_URL
  if (!shared) {
    const server = await startPostgresServer()
    return { url: await server.createDatabase(name), drop: () => server.stop() }
  }
  await onAdmin(shared, `CREATE DATABASE ${name}`)
  const url = new URL(shared)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => onAdmin(shared, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) }
}

async function onAdmin(adminUrl: string, sql: string): Promise<void> {
  const admin = await openDatabase(adminUrl)
  try {
    await admin.exec(sql)
  } finally {
    await admin.close()
  }
}
