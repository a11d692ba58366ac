/**
 * Runs the real `rapport` CLI (`apps/api/bin/rapport.mjs`, what `pnpm start` runs) in a child process against
 * a temporary SQLite database.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

// bin/rapport.mjs loads the TypeScript CLI in-process, so signals reach the server itself.
const bin = fileURLToPath(new URL('../bin/rapport.mjs', import.meta.url))

export type CliEnv = Record<string, string>

/** A fresh data folder and the environment that points the CLI at it. */
export function tempEnv(extra: CliEnv = {}): CliEnv {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-cli-'))
  return { DATABASE_URL: join(dir, 'rapport.db'), RAPPORT_SECRET: 'cli-test-secret-0123456789', RAPPORT_DEMO: '0', LOG_LEVEL: 'warn', PORT: '0', ...extra }
}

/** Spawns `rapport <args>`. */
export function spawnCli(args: string[], env: CliEnv): ChildProcess {
  return spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
}

/** Runs a command to completion: exit code and everything it printed. */
export function runCli(args: string[], env: CliEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawnCli(args, env)
    let stdout = ''
    let stderr = ''
    child.stdout!.on('data', (d) => { stdout += d })
    child.stderr!.on('data', (d) => { stderr += d })
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

/** Starts the server and resolves with its URL once it prints it. */
export function startCli(env: CliEnv): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(['start'], env)
    let out = ''
    const onData = (d: Buffer) => {
      out += d
      const url = /running at (http:\/\/[^/\s]+)/.exec(out)?.[1]
      if (url) resolve({ child, url, output: () => out })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (d) => { out += d })
    child.on('exit', (code) => reject(new Error(`server exited early (${code}): ${out}`)))
  })
}
