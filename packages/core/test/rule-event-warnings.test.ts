/**
 * A scoring rule whose `on` names an event type that neither core nor any installed plugin
 * declares never fires: the host says so at boot (a warning naming plugin, rule and type), and
 * stays quiet about rules on core's events and on events another installed plugin declares (a rule
 * on several types: about each undeclared one). The check reads definitions only, so one dialect
 * is enough.
 */
import { Writable } from 'node:stream'
import { z } from '@hono/zod-openapi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLogger } from '../src/logger.js'
import type { PluginDefinition, ScoringRule } from '../src/plugins/contract.js'
import { createPluginHost } from '../src/plugins/plugin-host.js'
import { createTestApp, type TestApp } from '../testing/test-app.js'

const noChange = (id: string, on: string | string[]): ScoringRule<any, any> => ({ id, version: 1, on, apply: () => ({}) })
const visits: PluginDefinition = {
  name: 'visits', namespace: 'visits', version: '1.0.0', host: '^1',
  events: { 'visits.recorded': z.object({ at: z.string() }) },
  scoring: [noChange('on-order', 'order.completed'), noChange('on-own-visit', 'visits.recorded')],
  setup() {},
}
// It listens to visits' events, so it names visits among its dependencies (checked at boot since cc8d7ef).
const listener: PluginDefinition = {
  name: 'listener', namespace: 'listener', version: '1.0.0', host: '^1', optional: { visits: '*' },
  scoring: [noChange('on-visit', 'visits.recorded'), noChange('misspelt', 'ordr.completed'), noChange('renamed', 'visits.logged'), noChange('some-known', ['order.refunded', 'visits.recorded', 'visit.recorded'])],
  setup() {},
}

describe('rules on event types nobody declares', () => {
  let t: TestApp
  beforeAll(async () => { t = await createTestApp('sqlite') }, 60_000)
  afterAll(() => t.close())

  it('are named in one boot warning each; the plugin boots all the same', async () => {
    const lines: string[] = []
    t.services.log = createLogger({ level: 'warn', destination: new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done() } }) })
    const report = await createPluginHost(t.services, [visits, listener]).start()
    expect(report.plugins).toMatchObject({ visits: { state: 'active' }, listener: { state: 'active' } })
    const warnings = lines.map((line) => JSON.parse(line)).filter((entry) => entry.msg.includes('no installed plugin declares'))
    expect(warnings.map(({ plugin, rule, on }) => ({ plugin, rule, on }))).toEqual([
      { plugin: 'listener', rule: 'misspelt', on: 'ordr.completed' },
      { plugin: 'listener', rule: 'renamed', on: 'visits.logged' },
      { plugin: 'listener', rule: 'some-known', on: 'visit.recorded' },
    ])
  })
})
