/**
 * @module
 * The real `rapport` CLI (`apps/api/bin/rapport.mjs`, what `pnpm start` runs) in child processes
 * on a temporary SQLite file: run a command, start a server and wait for its URL.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const bin = fileURLToPath(new URL('../../apps/api/bin/rapport.mjs', import.meta.url))

export type CliEnv = Record<string, string>

/** A fresh data folder and the environment that points the CLI at a database in it. */
export function tempEnv(extra: CliEnv = {}): CliEnv & { DATABASE_URL: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-reliability-'))
  return { RAPPORT_SECRET: 'reliability-secret-0123456789', RAPPORT_DEMO: '0', LOG_LEVEL: 'error', PORT: '0', ...extra, DATABASE_URL: extra.DATABASE_URL ?? join(dir, 'rapport.db') }
}

export function spawnCli(args: string[], env: CliEnv): ChildProcess {
  return spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
}

/** Runs a command to completion. */
export async function runCli(args: string[], env: CliEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnCli(args, env)
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (d) => { stdout += d })
  child.stderr!.on('data', (d) => { stderr += d })
  const [code] = await once(child, 'exit')
  return { code: code as number | null, stdout, stderr }
}

export type ServerProcess = { child: ChildProcess; url: string; output: () => string; kill(signal?: NodeJS.Signals): Promise<void> }

/** Starts `rapport start` and resolves once it prints its URL. */
export function startServerProcess(env: CliEnv): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(['start'], env)
    let out = ''
    const exited = once(child, 'exit')
    const onData = (d: Buffer) => {
      out += d
      const url = /running at (http:\/\/[^/\s]+)/.exec(out)?.[1]
      if (url) {
        child.off('exit', early)
        resolve({
          child, url, output: () => out,
          async kill(signal = 'SIGKILL') { if (child.exitCode === null && child.signalCode === null) { child.kill(signal); await exited } },
        })
      }
    }
    const early = (code: number | null) => reject(new Error(`server exited early (${code}): ${out}`))
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (d) => { out += d })
    child.once('exit', early)
  })
}
