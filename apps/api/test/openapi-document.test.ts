import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createConfig, lintFromString } from '@redocly/openapi-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../src/server.js'

type Media = { example?: unknown; examples?: unknown }
type Operation = {
  operationId?: string
  parameters?: { in: string; name: string; description?: string }[]
  requestBody?: { content?: Record<string, Media> }
  responses?: Record<string, { content?: Record<string, Media> }>
}
type Document = { paths: Record<string, Record<string, Operation>> }

// The document does not depend on the dialect, so SQLite alone; every built-in plugin is enabled.
describe('the served OpenAPI document', () => {
  let server: RunningServer
  let doc: Document
  const operations = () => Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ at: `${method.toUpperCase()} ${path}`, op })))
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-openapi-'))
    server = await startServer({ databaseUrl: join(dir, 'rapport.db'), secret: 'openapi-test-secret-0123456789', logLevel: 'silent', adminDir: join(dir, 'no-admin-build') })
    doc = await (await fetch(`${server.url}/api/openapi.json`)).json() as Document
  }, 60_000)
  afterAll(async () => { await server.close() })

  it('covers core and every built-in plugin', () => {
    for (const plugin of ['tiering', 'points-membership', 'satisfaction-survey', 'complaint-tracking', 'churn-risk']) {
      expect(Object.keys(doc.paths).some((p) => p.startsWith(`/api/p/${plugin}/`)), plugin).toBe(true)
    }
  })

  it('gives every operation a unique operationId, readable and led by the plugin for plugin routes', () => {
    const byId = new Map<string, string[]>()
    for (const { at, op } of operations()) byId.set(op.operationId ?? '(none)', [...(byId.get(op.operationId ?? '(none)') ?? []), at])
    expect([...byId].filter(([, at]) => at.length > 1)).toEqual([])
    expect(doc.paths['/api/v1/customers/{id}']!.get!.operationId).toBe('getCustomer')
    expect(doc.paths['/api/v1/customers']!.get!.operationId).toBe('listCustomers')
    expect(doc.paths['/api/v1/customers']!.post!.operationId).toBe('createCustomer')
    expect(doc.paths['/api/v1/staff']!.get!.operationId).toBe('listStaff')
    expect(doc.paths['/api/p/points-membership/members']!.get!.operationId).toBe('pointsMembershipListMembers')
  })

  it('describes every path parameter and the paging ones', () => {
    const bare = operations().flatMap(({ at, op }) => (op.parameters ?? []).filter((p) => p.in === 'path' && !p.description).map((p) => `${at} ${p.name}`))
    expect(bare).toEqual([])
    const id = doc.paths['/api/v1/customers/{id}']!.get!.parameters!.find((p) => p.name === 'id')
    expect(id?.description).toBe("The customer's id")
    // Paging parameters mean the same everywhere, so a route need not describe them.
    expect(doc.paths['/api/v1/customers']!.get!.parameters!.find((p) => p.name === 'limit')?.description).toBe('The most items one page holds')
  })

  it('describes every parameter, query and header ones too', () => {
    const bare = operations().flatMap(({ at, op }) => (op.parameters ?? []).filter((p) => !p.description?.trim()).map((p) => `${at} ${p.in} ${p.name}`))
    expect(bare).toEqual([])
  })

  it('gives every request body and every 2xx response an example', () => {
    const hasExample = (m: Media) => m.example !== undefined || m.examples !== undefined
    const missing = operations().flatMap(({ at, op }) => [
      ...Object.entries(op.requestBody?.content ?? {}).filter(([, m]) => !hasExample(m)).map(([type]) => `${at} request ${type}`),
      ...Object.entries(op.responses ?? {})
        .filter(([status]) => status.startsWith('2'))
        .flatMap(([status, r]) => Object.entries(r.content ?? {}).filter(([, m]) => !hasExample(m)).map(([type]) => `${at} ${status} ${type}`)),
    ])
    expect(missing).toEqual([])
    const created = doc.paths['/api/v1/customers']!.post!.requestBody!.content!['application/json']!.example as { externalId: string }
    expect(created.externalId).toBe('crm-10086')
  })

  it('documents the items of POST /api/v1/events as the standard events, told apart by type', () => {
    const schemas = (doc as unknown as { components: { schemas: Record<string, { properties: Record<string, { items?: unknown; enum?: string[] }> }> } }).components.schemas
    const items = schemas.IngestEventsRequest!.properties.events!.items as { oneOf: { $ref: string }[]; discriminator: { propertyName: string; mapping: Record<string, string> } }
    expect(items.discriminator.propertyName).toBe('type')
    expect(Object.keys(items.discriminator.mapping).sort()).toEqual(['customer.updated', 'order.completed', 'order.refunded'])
    for (const [type, ref] of Object.entries(items.discriminator.mapping)) {
      expect(items.oneOf).toContainEqual({ $ref: ref })
      expect(schemas[ref.split('/').pop()!]!.properties.type!.enum).toEqual([type])
    }
  })

  it('passes the recommended OpenAPI lint with no errors', async () => {
    const config = await createConfig({ extends: ['recommended'] })
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: 'openapi.json', config })
    const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`)
    expect(errors).toEqual([])
    // An example that does not match its own schema teaches the wrong request (a warning in the ruleset).
    const badExamples = problems.filter((p) => p.ruleId === 'no-invalid-media-type-examples').map((p) => `${p.location[0]?.pointer}: ${p.message}`)
    expect(badExamples).toEqual([])
  })
})
