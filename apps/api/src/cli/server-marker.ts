/**
 * @module
 * A marker file beside a SQLite database while `rapport start` serves it (`<db>.server.json`:
 * pid and URL), so `rapport restore` can refuse to replace a database under a running server.
 * A marker left by a killed process names a pid that is gone and is ignored.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { parseDatabaseUrl } from '@rapport/db'

type Marker = { pid: number; url: string; startedAt: string }

const markerOf = (databasePath: string) => `${databasePath}.server.json`

/** Writes the marker for a SQLite database; returns its remover (a no-op for PostgreSQL). */
export function markServing(databaseUrl: string, url: string): () => void {
  const target = parseDatabaseUrl(databaseUrl)
  if (target.kind !== 'sqlite' || target.path === ':memory:') return () => undefined
  const file = markerOf(target.path)
  const marker: Marker = { pid: process.pid, url, startedAt: new Date().toISOString() }
  writeFileSync(file, `${JSON.stringify(marker)}\n`)
  return () => {
    try {
      if ((JSON.parse(readFileSync(file, 'utf8')) as Marker).pid === process.pid) rmSync(file, { force: true })
    } catch { /* already gone */ }
  }
}

/** The server serving this SQLite file right now, if its marker names a live process. */
export function liveServerOn(databasePath: string): Marker | undefined {
  let marker: Marker
  try { marker = JSON.parse(readFileSync(markerOf(databasePath), 'utf8')) as Marker } catch { return undefined }
  if (!Number.isInteger(marker.pid) || marker.pid === process.pid) return undefined
  try {
    process.kill(marker.pid, 0)
    return marker
  } catch (e) {
    // EPERM: the process exists but belongs to someone else; still a live server.
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? marker : undefined
  }
}
