/**
 * @module
 * One `rapport start` as a child process on a port chosen beforehand, so its start can be timed from the spawn to the first answer of
 * `GET /api/health`; its resident memory is read from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

const bin = fileURLToPath(new URL('../../bin/rapport.mjs', import.meta.url))
const bundle = fileURLToPath(new URL('../../dist/rapport.mjs', import.meta.url))

/**
 * What runs: `bin` is what `pnpm start` runs (apps/api/bin/rapport.mjs: the bundle when it is newer
 * than its sources, else the sources); `bundle` the bundle `pnpm build` made, whatever changed since
 * (in a checkout others edit, the bin could switch to the sources half-way through a bench);
 * `source` the TypeScript sources through tsx (RAPPORT_FROM_SOURCE=1).
 */
export type Run = 'bin' | 'bundle' | 'source'

export type Env = Record<string, string>

export type RapportProcess = {
  url: string
  child: ChildProcess
  /** Milliseconds from the spawn to the first 200 of /api/health; the spawn's `performance.now()`. */
  startMs: number
  spawnedAt: number
  /** CPU time (user + system) the server process used from its spawn to the first health answer, in ms. */
  startCpuMs: number
  /** Resident set size of the server process now, in MB. */
  rssMb(): number
  output(): string
  stop(): Promise<void>
}

/** A free loopback port (the server binds it right after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/**
 * Spawns `rapport start` and resolves once /api/health answers 200.
 * @param env - the server's environment (DATABASE_URL, RAPPORT_SECRET, RAPPORT_DEMO…); PORT is set here
 * @param execArgv - node options for the server (e.g. `--cpu-prof`)
 * @param run - what runs (see {@link Run}; default `bin`)
 * @example const s = await startRapport({ DATABASE_URL: file, RAPPORT_SECRET: secret }); await s.stop()
 */
export async function startRapport(env: Env, { execArgv = [] as string[], timeoutMs = 600_000, run = 'bin' as Run } = {}): Promise<RapportProcess> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const began = performance.now()
  const child = spawn(process.execPath, [...execArgv, run === 'bundle' ? bundle : bin, 'start'], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1', ...(run === 'source' ? { RAPPORT_FROM_SOURCE: '1' } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout!.on('data', (d) => { out += d })
  child.stderr!.on('data', (d) => { out += d })
  const exited = once(child, 'exit')
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`rapport start exited early (${child.exitCode ?? child.signalCode}): ${out}`)
    if (performance.now() - began > timeoutMs) { child.kill('SIGKILL'); throw new Error(`rapport start did not answer within ${timeoutMs} ms: ${out}`) }
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false)
    if (ok) break
    await new Promise((r) => setTimeout(r, 5))
  }
  const startMs = performance.now() - began
  const startCpuMs = cpuMs(child.pid!)
  return {
    url, child, startMs, startCpuMs, spawnedAt: began,
    rssMb: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
    output: () => out,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
      await exited
      clearTimeout(timer)
    },
  }
}

/** User + system CPU time of a process so far (/proc/<pid>/stat, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/** Signs in as `who` and creates an API key with the given scopes, through the product's own API. */
export async function createApiKey(url: string, who: { email: string; password: string }, scopes: string[]): Promise<string> {
  const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url }, body: JSON.stringify(who) })
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`)
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!
  const res = await fetch(`${url}/api/v1/api-keys`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url, cookie }, body: JSON.stringify({ name: 'bench', scopes }) })
  if (!res.ok) throw new Error(`API key creation failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { key: string }).key
}
