/**
 * @module
 * The customer API under `/api/v1/customers`: create, upsert by external id, read, list and
 * update here; erasure, export and the customer's events in their own files.
 */
import { recordAudit } from '../audit/audit-log.js'
import { policies } from '../http/access.js'
import { defineRoute, type CoreRoute } from '../http/define-route.js'
import { commonErrors, errorBody, jsonBody, jsonResponse } from '../http/responses.js'
import { groupProfile, readProfile } from '../profile/read-profile.js'
import type { CoreServices } from '../services.js'
import { customerEventRoutes } from './customer-event-routes.js'
import { listCustomers } from './customer-list.js'
import { customerNames } from './customer-names.js'
import { customerPrivacyRoutes } from './customer-privacy-routes.js'
import { createCustomer, getCustomer, updateCustomer, upsertCustomerByExternalId } from './customer-store.js'
import {
  createCustomerRequest, customerDetailSchema, customerFieldsSchema, customerIdParams, customerNamesQuery, customerNamesSchema, customerPageSchema, customerSchema, externalIdParams, listCustomersQuery, updateCustomerRequest,
} from './schemas.js'

const notFound = { 404: jsonResponse(errorBody, 'No such customer') }

/**
 * Every customer route, for `coreRoutes`.
 * @example const routes = customerRoutes(services) // POST /api/v1/customers, GET /api/v1/customers/{id}, …
 */
export function customerRoutes(s: CoreServices): CoreRoute[] {
  const create = defineRoute(
    {
      method: 'post', path: '/api/v1/customers', access: policies.staffWrite('customers:write'), tags: ['customers'], summary: 'Create a customer',
      request: { body: jsonBody(createCustomerRequest) },
      responses: { 201: jsonResponse(customerSchema, 'Created'), 409: jsonResponse(errorBody, 'externalId taken'), ...commonErrors },
    },
    async (c) => {
      const input = c.req.valid('json')
      const customer = await s.db.tx(async (tx) => {
        const created = await createCustomer(tx, s, input)
        await recordAudit(tx, s.now(), { caller: c.get('caller'), action: 'customer.created', targetType: 'customer', targetId: created.id, details: { fields: Object.keys(input) }, requestId: c.get('requestId') })
        return created
      })
      return c.json(customer, 201)
    },
  )

  const upsert = defineRoute(
    {
      method: 'put', path: '/api/v1/customers/by-external-id/{externalId}', access: policies.staffWrite('customers:write'), tags: ['customers'],
      summary: 'Create or update the customer with this external id',
      description: 'Fields left out stay as they are; null clears a field.',
      request: { params: externalIdParams, body: jsonBody(customerFieldsSchema) },
      responses: { 200: jsonResponse(customerSchema, 'Updated'), 201: jsonResponse(customerSchema, 'Created'), ...commonErrors },
    },
    async (c) => {
      const { externalId } = c.req.valid('param')
      const fields = c.req.valid('json')
      const { customer, created } = await s.db.tx(async (tx) => {
        const result = await upsertCustomerByExternalId(tx, s, externalId, fields)
        await recordAudit(tx, s.now(), {
          caller: c.get('caller'), action: result.created ? 'customer.created' : 'customer.updated', targetType: 'customer', targetId: result.customer.id,
          details: { fields: Object.keys(fields), via: 'upsert' }, requestId: c.get('requestId'),
        })
        return result
      })
      return created ? c.json(customer, 201) : c.json(customer, 200)
    },
  )

  const get = defineRoute(
    {
      method: 'get', path: '/api/v1/customers/{id}', access: policies.staffRead('customers:read'), tags: ['customers'], summary: 'One customer',
      request: { params: customerIdParams },
      responses: { 200: jsonResponse(customerDetailSchema, 'The customer and its profile'), ...notFound, ...commonErrors },
    },
    async (c) => {
      const { id } = c.req.valid('param')
      const customer = await getCustomer(s.db, s, id)
      return c.json({ ...customer, profile: groupProfile(await readProfile(s, s.db, id), s.runtime.fields()) }, 200)
    },
  )

  const list = defineRoute(
    {
      method: 'get', path: '/api/v1/customers', access: policies.staffRead('customers:read'), tags: ['customers'], summary: 'List and search customers',
      description: 'Keyset-paginated: pass nextCursor back as cursor with the same sort. Erased customers are left out unless includeErased=true.',
      request: { query: listCustomersQuery },
      responses: { 200: jsonResponse(customerPageSchema, 'One page'), ...commonErrors },
    },
    async (c) => c.json(await listCustomers(s.db, s, c.req.valid('query')), 200),
  )

  const names = defineRoute(
    {
      method: 'get', path: '/api/v1/customers/names', access: policies.staffRead('customers:read'), tags: ['customers'], summary: 'Names of customers by id',
      description: 'For pages that only hold customer ids: up to 100 ids, comma-separated. Unknown ids are left out; erased customers come back with erased true and no name.',
      request: { query: customerNamesQuery },
      responses: { 200: jsonResponse(customerNamesSchema, 'The customers that exist'), ...commonErrors },
    },
    async (c) => c.json({ items: await customerNames(s.db, c.req.valid('query').ids.split(',')) }, 200),
  )

  const update = defineRoute(
    {
      method: 'patch', path: '/api/v1/customers/{id}', access: policies.staffWrite('customers:write'), tags: ['customers'], summary: 'Change some fields of a customer',
      description: 'Fields left out stay as they are; null clears a field.',
      request: { params: customerIdParams, body: jsonBody(updateCustomerRequest) },
      responses: { 200: jsonResponse(customerSchema, 'Updated'), ...notFound, 409: jsonResponse(errorBody, 'externalId taken, or the customer was erased'), ...commonErrors },
    },
    async (c) => {
      const { id } = c.req.valid('param')
      const { attributes, ...rest } = c.req.valid('json')
      const patch = { ...rest, ...(attributes === undefined ? {} : { attributes: attributes ?? {} }) }
      const customer = await s.db.tx(async (tx) => {
        const updated = await updateCustomer(tx, s, id, patch)
        await recordAudit(tx, s.now(), { caller: c.get('caller'), action: 'customer.updated', targetType: 'customer', targetId: id, details: { fields: Object.keys(patch) }, requestId: c.get('requestId') })
        return updated
      })
      return c.json(customer, 200)
    },
  )

  // names before get: `/customers/names` would otherwise be read as the customer with id "names".
  return [create, upsert, list, names, get, update, ...customerPrivacyRoutes(s), ...customerEventRoutes(s)]
}
