/**
 * Plugins that are not built into the server: named by folder or package in RAPPORT_PLUGINS or the
 * config file, imported, checked, and refused with a coded error when incompatible or not a
 * plugin, while the others serve.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createTestHost, dialects, type TestHost } from '@rapport/plugin-sdk/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../src/config.js'
import { installedPlugins, pluginsToInstall } from '../src/installed-plugins.js'
import { loadExternalPlugins } from '../src/plugins/load-external-plugins.js'

const fixtures = fileURLToPath(new URL('./fixtures/external-plugins', import.meta.url))
const specs = ['./greeting', './future-host', './no-definition', './missing-folder']
const secret = { RAPPORT_SECRET: 'external-plugins-test-secret-0123' }

describe('loading plugin modules', () => {
  it('imports each module, keeps definitions and stands in a failed plugin for each module that is not one', async () => {
    const { plugins, failures } = await loadExternalPlugins(specs, { baseDir: fixtures })
    expect(plugins.map((p) => p.name)).toEqual(['greeting', 'future-host', 'unloaded-no-definition', 'unloaded-missing-folder'])
    expect(failures).toEqual([
      { module: './no-definition', code: 'PLUGIN_LOAD_FAILED', message: expect.stringContaining('exports no plugin definition') },
      { module: './missing-folder', code: 'PLUGIN_LOAD_FAILED', message: expect.stringContaining('does not exist') },
    ])
  })

  it('adds them after the built-in plugins, and nothing when none is named', async () => {
    expect((await pluginsToInstall([])).map((p) => p.name)).toEqual(installedPlugins.map((p) => p.name))
    expect((await pluginsToInstall(['./greeting'], undefined, fixtures)).map((p) => p.name)).toEqual([...installedPlugins.map((p) => p.name), 'greeting'])
  })

  it('reads the names from RAPPORT_PLUGINS and the config file (folders relative to the file), without repeats', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-config-'))
    const file = join(dir, 'rapport.config.json')
    writeFileSync(file, JSON.stringify({ plugins: ['./local-plugin', '@acme/rapport-vip'] }))
    const config = loadConfig({ ...secret, DATABASE_URL: ':memory:', RAPPORT_PLUGINS: '@acme/rapport-vip, ./other', RAPPORT_CONFIG: file })
    expect(config.plugins).toEqual(['@acme/rapport-vip', './other', join(dir, 'local-plugin')])
    writeFileSync(file, JSON.stringify({ plugins: 'not-a-list' }))
    expect(() => loadConfig({ ...secret, DATABASE_URL: ':memory:', RAPPORT_CONFIG: file })).toThrow(/"plugins" must be a list/)
    expect(() => loadConfig({ ...secret, DATABASE_URL: ':memory:', RAPPORT_CONFIG: join(dir, 'nope.json') })).toThrow(/does not exist/)
  })
})

describe.each(dialects)('a server with external plugins on %s', (dialect) => {
  let host: TestHost
  beforeAll(async () => {
    const { plugins } = await loadExternalPlugins(specs, { baseDir: fixtures })
    host = await createTestHost({ plugins, dialect })
  }, 60_000)
  afterAll(() => host.close())

  it('serves the compatible one and lists the refused ones as failed with their coded errors', async () => {
    expect((await host.json(await host.http.get('/api/p/greeting/hello')))).toEqual({ hello: 'world' })
    const items = (await host.json(await host.http.get('/api/v1/plugins'))).items as Array<{ name: string; state: string; error?: { code: string; message: string; details?: unknown } }>
    const byName = Object.fromEntries(items.map((p) => [p.name, p]))
    expect(byName.greeting?.state).toBe('active')
    expect(byName['future-host']).toMatchObject({ state: 'failed', error: { code: 'PLUGIN_HOST_RANGE', details: { wants: '^2', running: '1.0.0' } } })
    expect(byName['unloaded-no-definition']).toMatchObject({ state: 'failed', error: { code: 'PLUGIN_LOAD_FAILED', details: { module: './no-definition' } } })
    expect(byName['unloaded-missing-folder']?.error?.message).toContain('./missing-folder')
  })
})
