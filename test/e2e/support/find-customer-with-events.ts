/**
 * @module
 * Picks, through the signed-in page's own session, a customer that has events, so the detail
 * test does not depend on which demo customer happens to sort first.
 */
import type { Page } from 'playwright-core'

/** A customer of the first page of the list with at least one event. */
export const findCustomerWithEvents = (page: Page): Promise<{ id: string; externalId: string; name: string | null }> =>
  page.evaluate(async () => {
    const list = (await (await fetch('/api/v1/customers?limit=50')).json()) as {
      items: Array<{ id: string; externalId: string; name: string | null }>
    }
    for (const customer of list.items) {
      const events = (await (await fetch(`/api/v1/customers/${customer.id}/events?limit=1`)).json()) as { items: unknown[] }
      if (events.items.length > 0) return { id: customer.id, externalId: customer.externalId, name: customer.name }
    }
    throw new Error('No demo customer on the first page has events')
  })
