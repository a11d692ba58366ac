/**
 * A plugin outside the workspace, as a developer makes one (issue 23): `create-plugin --dir` into a
 * temporary folder outside the repository packs this checkout's SDK into it, and the next steps it
 * prints are run as printed: `pnpm install` (from the npm registry and the packed SDK), the
 * plugin's typecheck and tests (on SQLite only here: the scaffold's suite runs on PGlite in
 * create-plugin.test.ts), then `RAPPORT_PLUGINS=<folder> pnpm start` from the checkout. Over HTTP,
 * its route answers, its rule has counted an order and its own coded error keeps its code (the
 * plugin's `import '@rapport/plugin-sdk'` got the server's SDK, not the copy it installed), and its
 * admin part, built by `pnpm build`, is served for the admin to import. The
 * server runs from source (RAPPORT_FROM_SOURCE=1), where that resolution is this change's; the
 * bundle's is checked by apps/api's built-server.test.ts.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { stripVTControlCharacters } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const outside = mkdtempSync(join(tmpdir(), 'rapport-outside-'))
const dir = join(outside, 'outside-check')
const data = mkdtempSync(join(tmpdir(), 'rapport-outside-data-'))
const serverEnv = {
  ...process.env, DATABASE_URL: join(data, 'rapport.db'), RAPPORT_SECRET: 'outside-plugin-test-secret-0123', RAPPORT_DEMO: '0',
  LOG_LEVEL: 'warn', PORT: '0', RAPPORT_FROM_SOURCE: '1', FORCE_COLOR: '0',
}
const owner = { email: 'owner@outside.test', password: 'a-long-password' }

/** Starts a printed shell command in its own process group; resolves with the server's URL. */
function startServer(command: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', command], { cwd: root, env: serverEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    const onData = (d: Buffer) => {
      out += d
      const url = /running at (http:\/\/[^/\s]+)/.exec(out)?.[1]
      if (url) resolve({ child, url })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => reject(new Error(`server exited early (${code}): ${out}`)))
  })
}

describe('a plugin made outside the workspace', () => {
  let server: ChildProcess | undefined
  afterAll(() => {
    if (server?.pid) process.kill(-server.pid, 'SIGTERM')
    rmSync(outside, { recursive: true, force: true })
    rmSync(data, { recursive: true, force: true })
  })

  it('installs, typechecks, passes its tests and serves its route and rule in rapport start, by the printed next steps', async () => {
    const made = spawnSync(process.execPath, [join(root, 'packages/create-plugin/bin/create-plugin.mjs'), 'outside-check', '--dir', dir], { cwd: root, encoding: 'utf8', env: { ...process.env, INIT_CWD: root } })
    expect(made.status, made.stdout + made.stderr).toBe(0)
    const printed = made.stdout
    expect(printed).toContain('a project of its own (SDK: file:./rapport-plugin-sdk-')
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    expect(Object.keys(manifest.devDependencies).sort()).toEqual([
      '@ant-design/icons', '@rapport/admin-kit', '@rapport/plugin-sdk', '@tanstack/react-query', '@types/node', '@types/react', 'antd', 'react', 'react-router', 'tsdown', 'typescript', 'vitest',
    ])
    expect(manifest.dependencies).toBeUndefined()

    // "Next:" and its indented commands, then "Then load it into Rapport, from <checkout>:" and the start command.
    const [, steps = '', start = ''] = /Next:\n((?: {2}.+\n)+)Then load it into Rapport, from [^\n]+:\n {2}(.+)\n/.exec(printed) ?? []
    expect(steps.trim().split('\n').map((line) => line.trim())).toEqual([`cd ${dir}`, 'pnpm install', 'pnpm typecheck && pnpm test && pnpm build'])
    const built = spawnSync('bash', ['-c', `set -e\n${steps}`], { cwd: root, encoding: 'utf8', env: { ...process.env, RAPPORT_TEST_DIALECTS: 'sqlite', FORCE_COLOR: '0' } })
    const output = stripVTControlCharacters(built.stdout + built.stderr)
    expect(built.status, output).toBe(0)
    expect(output).toMatch(/Tests\s+8 passed \(8\)/)

    expect(start).toBe(`RAPPORT_PLUGINS=${dir} pnpm start`)
    const admin = spawnSync(process.execPath, [join(root, 'apps/api/bin/rapport.mjs'), 'create-admin', '--email', owner.email, '--name', 'Owner', '--role', 'owner'], { env: { ...serverEnv, RAPPORT_ADMIN_PASSWORD: owner.password }, encoding: 'utf8' })
    expect(admin.status, admin.stderr).toBe(0)
    const started = await startServer(start)
    server = started.child
    const { url } = started
    const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url }, body: JSON.stringify(owner) })
    expect(login.status).toBe(200)
    const headers = { cookie: login.headers.get('set-cookie')!.split(';')[0]!, origin: url, 'content-type': 'application/json' }
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${url}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
      return { status: res.status, body: (await res.json()) as any }
    }

    const plugins = await call('GET', '/api/v1/plugins')
    expect(plugins.body.items.find((p: { name: string }) => p.name === 'outside-check')).toMatchObject({ state: 'active' })
    const customer = await call('POST', '/api/v1/customers', { externalId: 'outside-c1' })
    expect(customer.status).toBe(201)
    const summary = `/api/p/outside-check/customers/${customer.body.id}`
    expect(await call('GET', summary)).toMatchObject({ status: 404, body: { error: { code: 'OUTSIDE_CHECK_NO_ORDERS' } } })
    const order = { id: 'outside-o1', type: 'order.completed', customerExternalId: 'outside-c1', orderId: 'outside-o1', amountMinor: 5_000, currency: 'CNY', occurredAt: '2026-06-01T10:00:00Z' }
    expect((await call('POST', '/api/v1/events', { events: [order] })).body.totals).toMatchObject({ accepted: 1 })
    expect(await call('GET', summary)).toEqual({ status: 200, body: { customerId: customer.body.id, orders: 1, loyal: false } })

    // Its built admin part is served for the admin to import (the browser side: test/e2e/outside-plugin-admin).
    const bundles = await call('GET', '/api/v1/plugin-admins')
    expect(bundles.body.items).toEqual([{ plugin: 'outside-check', url: expect.stringMatching(/^\/api\/v1\/plugin-admins\/outside-check\/0\.1\.0-[0-9a-f]{10}\/index\.js$/) }])
    const bundle = await fetch(`${url}${bundles.body.items[0].url}`, { headers })
    expect([bundle.status, bundle.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8'])
    expect(await bundle.text()).toContain('@rapport/admin-kit')
  }, 300_000)
})
