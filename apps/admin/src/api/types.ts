/**
 * @module
 * Shapes of the core API's responses as the admin reads them.
 */

/** A signed-in admin user. */
export type User = { id: string; email: string; name: string; role: string }

/** A customer profile as `GET /api/v1/customers/:id` returns it. */
export type Customer = {
  id: string
  externalId: string
  name: string | null
  email: string | null
  phone: string | null
  /** YYYY-MM-DD */
  birthday: string | null
  locale: string | null
  timeZone: string | null
  attributes: Record<string, unknown>
  createdAt: string
  updatedAt: string
  erasedAt: string | null
}

/** One entry of a customer's event log. */
export type CustomerEvent = {
  id: string
  type: string
  customerId: string
  payload: Record<string, unknown>
  occurredAt: string
  recordedAt: string
}

/** A cursor-paginated list. */
export type Page<T> = { items: T[]; nextCursor: string | null }

/** Sort orders the customers list accepts. */
export type CustomerSort = 'createdAt' | '-createdAt' | 'name' | '-name'

/** `GET /api/health`. */
export type Health = {
  status: string
  version: string
  database: { status: string; dialect: string }
  timeZone?: string
}
