/**
 * The server as `pnpm build` bundles it (build/bundle-server.mjs): it starts and serves from its
 * bundle, a plugin loaded at run time from TypeScript gets the server's own SDK (its coded errors
 * keep their code), and a bundle older than its sources is refused (build/fresh-build.mjs).
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, rmSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
// @ts-expect-error a JavaScript module of the build, without types
import { freshBuild } from '../build/fresh-build.mjs'
import { tempEnv } from './cli-process.js'

const bundler = fileURLToPath(new URL('../build/bundle-server.mjs', import.meta.url))
const greeting = fileURLToPath(new URL('./fixtures/external-plugins/greeting', import.meta.url))
const outdir = mkdtempSync(join(tmpdir(), 'rapport-bundle-'))

describe('the built server', () => {
  let url = ''
  let stop = () => {}
  beforeAll(async () => {
    execFileSync(process.execPath, [bundler, outdir], { stdio: 'pipe' })
    const child = spawn(process.execPath, [join(outdir, 'rapport.mjs'), 'start'], { env: { ...process.env, ...tempEnv({ RAPPORT_PLUGINS: greeting }) }, stdio: ['ignore', 'pipe', 'pipe'] })
    stop = () => child.kill('SIGTERM')
    let out = ''
    url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (d) => { out += d; const found = /running at (http:\/\/[^/\s]+)/.exec(out)?.[1]; if (found) resolve(found) })
      child.stderr!.on('data', (d) => { out += d })
      child.on('exit', (code) => reject(new Error(`server exited early (${code}): ${out}`)))
    })
  }, 120_000)
  afterAll(() => { stop(); rmSync(outdir, { recursive: true, force: true }) })

  it('serves the API from the bundle', async () => {
    const res = await fetch(`${url}/api/health`)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'ok', database: { dialect: 'sqlite' } })
  })

  it('loads a TypeScript plugin at run time with the server\'s own SDK: its coded errors keep code and status', async () => {
    const res = await fetch(`${url}/api/p/greeting/refusal`)
    expect(res.status).toBe(409)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('GREETING_REFUSED')
  })

  it('may run while newer than its sources, and is refused once older than one of them', () => {
    // Dated ahead, so that sources saved meanwhile (in a checkout others edit) do not matter.
    const later = new Date(Date.now() + 3600_000)
    utimesSync(join(outdir, 'rapport.mjs'), later, later)
    expect(freshBuild(outdir)).toEqual({ url: pathToFileURL(join(outdir, 'rapport.mjs')).href })
    utimesSync(join(outdir, 'rapport.mjs'), new Date(0), new Date(0))
    expect(freshBuild(outdir)).toEqual({ stale: expect.stringMatching(/changed after the server was built$/) })
    expect(freshBuild(join(outdir, 'missing'))).toEqual({})
  })
})
