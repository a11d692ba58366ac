/**
 * @module
 * The demo database on PostgreSQL: moved from the cached SQLite file with the product's own
 * `rapport migrate-to-postgres` the first time, then dumped (`pg_dump`) beside that file, so later
 * runs restore the dump (`pg_restore`) instead of moving 30k orders' worth of rows again.
 */
import { execFile, spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, renameSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { postgresBinDir, type PostgresServer } from '../../../../test/support/postgres-server.js'
import { copyDemoDatabase, type DemoDatabase } from './demo-database.js'
import type { Env } from './server-process.js'

const run = promisify(execFile)
const bin = fileURLToPath(new URL('../../bin/rapport.mjs', import.meta.url))

/**
 * Creates database `name` on `pg` holding the demo data; returns its URL and how it got there.
 * @example const { url } = await demoOnPostgres(demo, pg, 'bench_demo', { RAPPORT_SECRET: secret })
 */
export async function demoOnPostgres(demo: DemoDatabase, pg: PostgresServer, name: string, env: Env): Promise<{ url: string; ms: number; how: string }> {
  const url = await pg.createDatabase(name)
  const dump = join(dirname(demo.file), 'postgres.dump')
  const tools = postgresBinDir()!
  const began = performance.now()
  if (existsSync(dump)) {
    await run(join(tools, 'pg_restore'), ['--no-owner', '-d', url, dump], { maxBuffer: 1 << 24 })
    return { url, ms: performance.now() - began, how: 'pg_restore of the cached dump' }
  }
  const moved = spawn(process.execPath, [bin, 'migrate-to-postgres', '--to', url], { env: { ...process.env, ...env, DATABASE_URL: copyDemoDatabase(demo), LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'] })
  const [code] = await once(moved, 'exit')
  if (code !== 0) throw new Error(`rapport migrate-to-postgres exited with ${code}`)
  const ms = performance.now() - began
  await run(join(tools, 'pg_dump'), ['-Fc', '-Z1', '-f', `${dump}.tmp`, url], { maxBuffer: 1 << 24 })
  renameSync(`${dump}.tmp`, dump)
  return { url, ms, how: 'rapport migrate-to-postgres, then dumped for later runs' }
}
