/**
 * @module
 * The customer's shapes, one zod schema each, shared by the routes, the store and the admin:
 * the customer as the API shows it, the fields a caller may write, the list query and pages.
 */
import { z } from '@hono/zod-openapi'
import { groupedProfileSchema } from '../profile/profile-schemas.js'
import {
  attributesSchema, birthdaySchema, emailSchema, externalIdSchema, localeSchema, nameSchema, phoneSchema, timeZoneSchema,
} from './field-schemas.js'

/** A customer as the API shows it; email and phone are decrypted. @example responses: { 200: jsonResponse(customerSchema, 'The customer') } */
export const customerSchema = z
  .object({
    id: z.string().openapi({ example: 'cus_0mbx3k2a1f3c9e0d2b4a6c8e' }),
    externalId: z.string().nullable(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    birthday: z.string().nullable(),
    locale: z.string().nullable(),
    timeZone: z.string().nullable(),
    attributes: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    updatedAt: z.string(),
    erasedAt: z.string().nullable().openapi({ description: 'Set once the personal data was erased' }),
  })
  .openapi('Customer')

/** A customer as the API shows it. */
export type Customer = z.infer<typeof customerSchema>

/** One customer with its shared profile, grouped by plugin namespace. @example responses: { 200: jsonResponse(customerDetailSchema, 'The customer') } */
export const customerDetailSchema = customerSchema
  .extend({ profile: groupedProfileSchema.openapi({ description: "Every plugin's profile fields, by namespace: { points: { balance: 120 } }" }) })
  .openapi('CustomerDetail')

/**
 * The fields of a customer a caller writes. An absent field is left as it is; null clears it.
 * Attributes are replaced as a whole (`{}` empties them).
 */
export type CustomerFields = {
  name?: string | null
  email?: string | null
  phone?: string | null
  birthday?: string | null
  locale?: string | null
  timeZone?: string | null
  attributes?: Record<string, unknown>
}

const fieldShape = {
  name: nameSchema.nullable().optional(),
  email: emailSchema.nullable().optional(),
  phone: phoneSchema.nullable().optional(),
  birthday: birthdaySchema.nullable().optional(),
  locale: localeSchema.nullable().optional(),
  timeZone: timeZoneSchema.nullable().optional(),
  attributes: attributesSchema.optional(),
}

/**
 * Validates {@link CustomerFields}; unknown keys are refused. Reused by imports and event ingestion.
 * @example const fields = customerFieldsSchema.parse({ name: '王芳', locale: 'zh-CN' })
 */
export const customerFieldsSchema = z.strictObject(fieldShape).openapi('CustomerFields')

/** Body of `POST /customers`. @example createCustomerRequest.parse({ externalId: 'crm-1', name: '王芳' }) */
export const createCustomerRequest = z.strictObject({ externalId: externalIdSchema.optional(), ...fieldShape }).openapi('CreateCustomerRequest')

/** Body of `PATCH /customers/{id}`: any subset; null clears a field (null attributes empties them). @example updateCustomerRequest.parse({ phone: null }) */
export const updateCustomerRequest = z
  .strictObject({ ...fieldShape, externalId: externalIdSchema.nullable().optional(), attributes: attributesSchema.nullable().optional() })
  .openapi('UpdateCustomerRequest')

/** The sort orders of the customer list; `-` means descending. @example CUSTOMER_SORTS.includes('-name') */
export const CUSTOMER_SORTS = ['createdAt', '-createdAt', 'name', '-name'] as const
export type CustomerSort = (typeof CUSTOMER_SORTS)[number]

/** A sort on a profile field: `points.balance` or `-points.balance`. */
const PROFILE_SORT = /^-?[a-z][A-Za-z0-9]*\.[A-Za-z][A-Za-z0-9]*$/

const isoDate = z
  .string()
  .max(40)
  .refine((v) => /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?$/.test(v) && !Number.isNaN(Date.parse(v)), 'must be an ISO-8601 date or date-time')

/** Query of `GET /customers`. Unknown parameters are refused. @example listCustomersQuery.parse({ q: 'wang', limit: '20' }) */
export const listCustomersQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ example: 50 }),
  cursor: z.string().max(1000).optional().openapi({ description: 'nextCursor of the previous page' }),
  sort: z
    .union([z.enum(CUSTOMER_SORTS), z.string().regex(PROFILE_SORT, 'must be createdAt, name or a profile field such as points.balance, - for descending')])
    .default('-createdAt')
    .openapi({ description: 'createdAt, name, or a profile field (points.balance); prefix - for descending. Customers without the profile value come last' }),
  filter: z
    .union([z.string().max(300), z.array(z.string().max(300)).max(10)])
    .optional()
    .openapi({ description: 'Repeatable profile filter field:op:value; ops eq, ne, gt, gte, lt, lte, in (values separated by |), exists', example: 'points.balance:gte:100' }),
  q: z.string().trim().min(1).max(200).optional().openapi({ description: 'Name contains (any case), or exact externalId or email' }),
  email: z.string().trim().min(1).max(254).optional(),
  phone: z.string().trim().min(1).max(32).optional(),
  externalId: externalIdSchema.optional(),
  locale: z.string().min(1).max(35).optional(),
  createdFrom: isoDate.optional().openapi({ description: 'Created at or after; a date means its start (UTC)' }),
  createdTo: isoDate.optional().openapi({ description: 'Created at or before; a date means through its end (UTC)' }),
  includeErased: z.enum(['true', 'false']).default('false'),
})

/** The list query after validation. */
export type ListCustomersQuery = z.infer<typeof listCustomersQuery>

/** One page of customers. @example responses: { 200: jsonResponse(customerPageSchema, 'One page') } */
export const customerPageSchema = z
  .object({ items: z.array(customerSchema), nextCursor: z.string().nullable() })
  .openapi('CustomerPage')

/** Most ids one names lookup takes: a page of a plugin's table, with room to spare. */
export const MAX_NAME_IDS = 100

/** Query of `GET /customers/names`: up to {@link MAX_NAME_IDS} customer ids, comma-separated. @example customerNamesQuery.parse({ ids: 'cus_1,cus_2' }) */
export const customerNamesQuery = z.strictObject({
  ids: z
    .string()
    .regex(new RegExp(`^[A-Za-z0-9_-]{1,64}(?:,[A-Za-z0-9_-]{1,64}){0,${MAX_NAME_IDS - 1}}$`), `must be 1 to ${MAX_NAME_IDS} customer ids separated by commas`)
    .openapi({ example: 'cus_0mbx3k2a1f3c9e0d2b4a6c8e,cus_0mbx3k2a1f3c9e0d2b4a6c8f' }),
})

/** What the admin shows for a customer id: its name and external id, both null once erased. @example responses: { 200: jsonResponse(customerNamesSchema, 'Names') } */
export const customerNameSchema = z
  .object({ id: z.string(), name: z.string().nullable(), externalId: z.string().nullable(), erased: z.boolean() })
  .openapi('CustomerName')

/** A customer's name as the lookup returns it. */
export type CustomerName = z.infer<typeof customerNameSchema>

/** The answer of the names lookup: only the ids that exist. */
export const customerNamesSchema = z.object({ items: z.array(customerNameSchema) }).openapi('CustomerNames')

/** Path of routes on one customer. @example request: { params: customerIdParams } */
export const customerIdParams = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } }) })

/** Path of the upsert route. @example request: { params: externalIdParams } */
export const externalIdParams = z.object({ externalId: externalIdSchema.openapi({ param: { name: 'externalId', in: 'path' } }) })
