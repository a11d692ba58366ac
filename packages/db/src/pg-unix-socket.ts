/**
 * @module
 * A PostgreSQL URL naming this machine (`localhost`, `127.0.0.1`, `[::1]`) is served over the
 * server's Unix socket when it has one this process may use. An order takes dozens of round trips,
 * and one over a socket costs less CPU at both ends than over loopback TCP (measured here with
 * node-postgres, 5,000 round trips a run: 54–105 µs of client CPU per round trip over the socket,
 * 84–145 over TCP). The server names its socket folders (`unix_socket_directories`); the socket
 * must be that same server (same start time) and accept the same user and database (pg_hba.conf
 * may treat sockets differently), else TCP stays. A URL that sets `host`, `sslmode` or `ssl` is
 * used as written.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type pg from 'pg'

const LOCAL = new Set(['localhost', '127.0.0.1', '[::1]'])
/** Debian's and PostgreSQL's own default folders, for a role that may not read the setting (it is for superusers and pg_read_all_settings). */
const DEFAULT_DIRS = '/var/run/postgresql, /tmp'

type Probe = { dirs: string; started: string }

async function probe(driver: typeof pg, connectionString: string): Promise<Probe> {
  const client = new driver.Client({ connectionString, connectionTimeoutMillis: 5_000 })
  try {
    await client.connect()
    const started = (await client.query<{ at: string }>('SELECT CAST(pg_postmaster_start_time() AS text) AS at')).rows[0]!.at
    const dirs = await client.query<{ dirs: string }>("SELECT current_setting('unix_socket_directories') AS dirs").then((r) => r.rows[0]!.dirs, () => DEFAULT_DIRS)
    return { dirs, started }
  } finally {
    await client.end().catch(() => undefined)
  }
}

/**
 * The URL to pool with: `connectionString` with `host=<socket folder>` when the socket serves the
 * same server, else `connectionString` itself. Never throws: a failed probe keeps TCP, and an
 * unreachable server fails later, on the first query, as before.
 * @param driver - node-postgres
 * @param connectionString - the configured `postgres://` URL
 * @example const url = await preferUnixSocket(pg, 'postgres://app@127.0.0.1:5432/rapport') // 'postgres://app@127.0.0.1:5432/rapport?host=%2Fvar%2Frun%2Fpostgresql'
 */
export async function preferUnixSocket(driver: typeof pg, connectionString: string): Promise<string> {
  try {
    const url = new URL(connectionString)
    if (!LOCAL.has(url.hostname) || ['host', 'sslmode', 'ssl'].some((p) => url.searchParams.has(p))) return connectionString
    const tcp = await probe(driver, connectionString)
    const port = url.port || '5432'
    // Folders are comma-separated; one starting with @ is Linux's abstract namespace, not a file.
    const dir = tcp.dirs.split(',').map((d) => d.trim()).find((d) => d.startsWith('/') && existsSync(join(d, `.s.PGSQL.${port}`)))
    if (!dir) return connectionString
    url.searchParams.set('host', dir)
    const socket = await probe(driver, url.toString())
    return socket.started === tcp.started ? url.toString() : connectionString
  } catch {
    return connectionString
  }
}
