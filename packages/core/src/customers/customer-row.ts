/**
 * @module
 * Mapping between `core_customers` rows and customers: reads decrypt email and phone; writes
 * encrypt them and store keyed hashes of their normalized forms for exact lookups.
 */
import type { SqlValue } from '@rapport/db'
import { normalizeEmail, normalizePhone, type PiiCipher } from '../crypto/pii-cipher.js'
import { canonicalLocale, canonicalTimeZone } from './field-schemas.js'
import type { Customer, CustomerFields } from './schemas.js'

/** A `core_customers` row as the database returns it. */
export type CustomerRow = {
  id: string
  external_id: string | null
  name: string | null
  email_enc: string | null
  email_hash: string | null
  phone_enc: string | null
  phone_hash: string | null
  birthday: string | null
  locale: string | null
  time_zone: string | null
  attributes: string | Record<string, unknown>
  created_at: string | Date
  updated_at: string | Date
  erased_at: string | Date | null
}

const iso = (v: string | Date): string => (v instanceof Date ? v.toISOString() : v)

/**
 * A customer from its row, with email and phone decrypted.
 * @example const customer = toCustomer(row, s.pii)
 */
export function toCustomer(r: CustomerRow, pii: PiiCipher): Customer {
  return {
    id: r.id,
    externalId: r.external_id,
    name: r.name,
    email: r.email_enc === null ? null : pii.decrypt(r.email_enc),
    phone: r.phone_enc === null ? null : pii.decrypt(r.phone_enc),
    birthday: r.birthday,
    locale: r.locale,
    timeZone: r.time_zone,
    attributes: typeof r.attributes === 'string' ? JSON.parse(r.attributes) : r.attributes,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    erasedAt: r.erased_at === null ? null : iso(r.erased_at),
  }
}

/** Written fields, as `[column, value]` pairs. */
export type ColumnValues = Array<[column: string, value: SqlValue]>

/**
 * The columns to write for the fields present in `fields` (absent ones are left out; null clears).
 * @example const cols = toColumns({ email: 'a@b.cn', name: null }, s.pii) // email_enc, email_hash, name
 */
export function toColumns(fields: CustomerFields & { externalId?: string | null }, pii: PiiCipher): ColumnValues {
  const out: ColumnValues = []
  const { externalId, name, email, phone, birthday, locale, timeZone, attributes } = fields
  if (externalId !== undefined) out.push(['external_id', externalId])
  if (name !== undefined) out.push(['name', name])
  if (email !== undefined) {
    out.push(['email_enc', email === null ? null : pii.encrypt(email.trim())])
    out.push(['email_hash', email === null ? null : pii.hash(normalizeEmail(email))])
  }
  if (phone !== undefined) {
    out.push(['phone_enc', phone === null ? null : pii.encrypt(phone.trim())])
    out.push(['phone_hash', phone === null ? null : pii.hash(normalizePhone(phone))])
  }
  if (birthday !== undefined) out.push(['birthday', birthday])
  if (locale !== undefined) out.push(['locale', locale === null ? null : canonicalLocale(locale)])
  if (timeZone !== undefined) out.push(['time_zone', timeZone === null ? null : canonicalTimeZone(timeZone)])
  if (attributes !== undefined) out.push(['attributes', JSON.stringify(attributes)])
  return out
}
