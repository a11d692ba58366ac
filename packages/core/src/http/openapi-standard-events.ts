/**
 * @module
 * Documents the items of `POST /api/v1/events` as the union of the standard events, told apart by
 * `type`. The route itself takes any item (each is validated alone and rejected alone, so one bad
 * event never fails the batch): only the document says what a valid item is.
 */
import { OpenAPIHono } from '@hono/zod-openapi'
import { standardEvents } from '../events/standard-events.js'
import type { OpenApiDocument } from './openapi-document.js'

type Schemas = Record<string, unknown>

let components: Schemas | undefined

/** The standard event schemas as OpenAPI components, named as their zod schemas are (`OrderCompletedEvent`). Built once. */
function standardEventComponents(): Schemas {
  if (components) return components
  const app = new OpenAPIHono()
  for (const [type, schema] of Object.entries(standardEvents)) app.openAPIRegistry.register(componentName(type), schema)
  components = (app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: '', version: '' } }).components?.schemas ?? {}) as Schemas
  return components
}

/** `order.completed` → `OrderCompletedEvent`. */
const componentName = (type: string) => `${type.split('.').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')}Event`

/**
 * Replaces the open items of the ingest request by a `oneOf` of the standard events with a
 * discriminator on `type`, adding their components; a document without the events route is left alone.
 * @example describeStandardEvents(doc) // IngestEventsRequest.events.items.oneOf → OrderCompletedEvent, ...
 */
export function describeStandardEvents(doc: OpenApiDocument): void {
  const schemas = doc.components?.schemas as Schemas | undefined
  const events = (schemas?.IngestEventsRequest as { properties?: { events?: { items?: unknown } } } | undefined)?.properties?.events
  if (!schemas || !events) return
  for (const [name, schema] of Object.entries(standardEventComponents())) schemas[name] ??= schema
  const mapping = Object.fromEntries(Object.keys(standardEvents).map((type) => [type, `#/components/schemas/${componentName(type)}`]))
  events.items = { oneOf: Object.values(mapping).map(($ref) => ({ $ref })), discriminator: { propertyName: 'type', mapping } }
}
