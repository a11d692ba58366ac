/**
 * @module
 * A one-line description of an event's payload for the events table.
 */
import type { TFunction } from 'i18next'
import type { CustomerEvent } from '../../api/types'

const maxLength = 160

/**
 * `order.completed` reads "Order of ¥1,299.00"; other events show their payload as compact JSON.
 * @param money formats integer minor units in the current language
 */
export const eventSummary = (
  event: CustomerEvent,
  t: TFunction,
  money: (amountMinor: unknown, currency: unknown) => string | undefined,
): string => {
  if (event.type === 'order.completed') {
    const amount = money(event.payload.amountMinor, event.payload.currency)
    if (amount) return t('customer.eventSummary.orderCompleted', { amount })
  }
  const json = JSON.stringify(event.payload ?? {})
  return json.length > maxLength ? `${json.slice(0, maxLength - 1)}…` : json
}
