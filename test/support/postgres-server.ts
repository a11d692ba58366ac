/**
 * @module
 * A throwaway PostgreSQL server from Debian's `postgresql` package: `initdb` into a temporary
 * folder, `pg_ctl start` on a free loopback port (its unix socket in that folder too), and
 * `stop()` removes it all. As root (CI containers), the server runs as the `postgres` user,
 * because PostgreSQL refuses to run as root.
 */
import { spawn, execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A running server and where it listens. */
export type PostgresServer = {
  /** `postgres://rapport@127.0.0.1:<port>/postgres`: the superuser on the maintenance database. */
  adminUrl: string
  port: number
  /** The URL of database `name` on this server. */
  urlOf(name: string): string
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>
  /** Stops the server (fast shutdown) and removes its folder. */
  stop(): Promise<void>
}

/** Options of {@link startPostgresServer}. */
export type PostgresServerOptions = {
  /**
   * Keep fsync and synchronous commit on, as a production server has them (benchmarks). Tests
   * leave it off: their data dies with the folder, and durability costs most of a small write.
   */
  durable?: boolean
  /** How many connections the server accepts; every test app holds a pool of up to 10. */
  maxConnections?: number
}

/** The folder of `initdb`/`pg_ctl`: PG_BIN when set, else the newest /usr/lib/postgresql/<version>/bin. */
export function postgresBinDir(): string | undefined {
  if (process.env.PG_BIN) return process.env.PG_BIN
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a))
  return versions[0] ? join(root, versions[0], 'bin') : undefined
}

/**
 * Starts a fresh server; throws when the binaries are missing (install Debian's `postgresql`).
 * @example
 * const pg = await startPostgresServer()
 * const url = await pg.createDatabase('rapport_a')
 * await pg.stop()
 */
export async function startPostgresServer({ durable = false, maxConnections = 300 }: PostgresServerOptions = {}): Promise<PostgresServer> {
  const bin = postgresBinDir()
  if (!bin) throw new Error('PostgreSQL is not installed: no /usr/lib/postgresql/<version>/bin (apt-get install postgresql), or set PG_BIN')
  const dir = mkdtempSync(join(tmpdir(), 'rapport-pg-'))
  const data = join(dir, 'data')
  const sockets = join(dir, 'sockets')
  mkdirSync(sockets)
  const owner = process.getuid?.() === 0 ? postgresUser() : undefined
  if (owner) {
    chownSync(dir, owner.uid, owner.gid)
    chownSync(sockets, owner.uid, owner.gid)
  }
  const port = await freePort()
  const run = (file: string, args: string[]) => runAs(join(bin, file), args, owner)
  try {
    await run('initdb', ['-D', data, '-U', 'rapport', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'])
    const settings = [
      `-p ${port}`, `-k ${sockets}`, '-c listen_addresses=127.0.0.1', `-c max_connections=${maxConnections}`,
      ...(durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
    ]
    await run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', settings.join(' '), '-w', '-t', '60', 'start'])
  } catch (err) {
    const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8') : ''
    rmSync(dir, { recursive: true, force: true })
    throw new Error(`PostgreSQL did not start: ${err instanceof Error ? err.message : String(err)}\n${log}`)
  }
  const urlOf = (name: string) => `postgres://rapport@127.0.0.1:${port}/${name}`
  let stopped: Promise<void> | undefined
  return {
    adminUrl: urlOf('postgres'),
    port,
    urlOf,
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new TypeError(`Not a plain database name: ${name}`)
      await run('psql', ['-h', sockets, '-p', String(port), '-U', 'rapport', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qc', `CREATE DATABASE ${name}`])
      return urlOf(name)
    },
    stop() {
      stopped ??= run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'])
        .catch(() => undefined)
        .finally(() => rmSync(dir, { recursive: true, force: true }))
      return stopped
    },
  }
}

function postgresUser(): { uid: number; gid: number } {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
    return { uid, gid }
  } catch {
    throw new Error('Running as root needs the `postgres` user (created by the postgresql package) to run the server')
  }
}

function runAs(file: string, args: string[], owner: { uid: number; gid: number } | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    // cwd: a folder the postgres user may enter, whatever the caller's is.
    const child = spawn(file, args, { cwd: tmpdir(), stdio: ['ignore', 'pipe', 'pipe'], ...(owner ?? {}) })
    let out = ''
    child.stdout.on('data', (d) => { out += d })
    child.stderr.on('data', (d) => { out += d })
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${file} ${args.join(' ')} exited with ${code}: ${out.trim()}`))))
  })
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}
