/**
 * @module
 * Writes the demo data set into an empty database, through the same store functions the API
 * uses, and creates the demo owner `admin@example.com` / `rapport-demo`.
 */
import { createUser, systemActor, upsertCustomerByExternalId, validateEvent, writeEvents, type CoreServices, type ValidEvent } from '@rapport/core'
import { generateDemoData, type DemoOptions } from './demo-data.js'

export type SeedOptions = DemoOptions & { onProgress?: (message: string) => void }

export const DEMO_OWNER = { email: 'admin@example.com', password: 'rapport-demo', name: 'Demo Owner', role: 'owner' as const }

const BATCH = 1000

/**
 * Seeds when the database has no customers and no users; returns whether it did.
 * @example if (await seedDemo(services, { customers: 40 })) console.log('demo data ready')
 */
export async function seedDemo(s: CoreServices, { onProgress, ...options }: SeedOptions = {}): Promise<boolean> {
  const existing = await s.db.get<{ n: number }>('SELECT (SELECT COUNT(*) FROM core_customers) + (SELECT COUNT(*) FROM core_users) AS n')
  if ((existing?.n ?? 0) > 0) return false
  const { customers, orders, refunds } = generateDemoData(options)
  const ids = new Map<string, string>()
  await s.db.tx(async (tx) => {
    await createUser(tx, DEMO_OWNER, s.now())
    for (const { externalId, createdAt, ...fields } of customers) {
      const { customer } = await upsertCustomerByExternalId(tx, s, externalId, fields)
      await tx.run('UPDATE core_customers SET created_at = ?, updated_at = ? WHERE id = ?', [createdAt, createdAt, customer.id])
      ids.set(externalId, customer.id)
    }
  })
  onProgress?.(`${customers.length} customers`)
  // Orders go through the same validation and write path as POST /api/v1/events, so the
  // enabled plugins' scoring rules and subscribers see the demo history as they would see live orders.
  const events = [...orders, ...refunds].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt)).map(toValidEvent)
  for (let start = 0; start < events.length; start += BATCH) {
    await s.db.tx((tx) => writeEvents(tx, s, events.slice(start, start + BATCH), { source: 'demo', actor: systemActor('demo'), customerIds: ids }))
    if ((start / BATCH) % 10 === 9 || start + BATCH >= events.length) onProgress?.(`${Math.min(start + BATCH, events.length)} / ${events.length} events`)
  }
  return true
}

function toValidEvent(input: unknown): ValidEvent {
  const check = validateEvent(input)
  if (!check.ok) throw new Error(`demo event ${check.id} is invalid: ${JSON.stringify(check.errors)}`)
  return check.event
}
