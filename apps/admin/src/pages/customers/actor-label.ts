/**
 * @module
 * Who caused a timeline event, as a person reads it: a name, never an id. A user shows their
 * name, an API key its name, the customer their own name; the system says what acted (a scheduled
 * job, the demo data, an import).
 */
import type { TFunction } from 'i18next'
import type { EventActor } from '../../api/customers'

/**
 * @example actorLabel({ type: 'apiKey', id: 'key_1', name: 'Online shop' }, t) // 'Online shop (API key)'
 */
export function actorLabel(actor: EventActor | null, t: TFunction): string {
  if (actor === null) return t('customer.actor.unknown')
  switch (actor.type) {
    case 'user':
      return actor.name ?? t('customer.actor.removedUser')
    case 'apiKey':
      return t('customer.actor.apiKey', { name: actor.name ?? t('customer.actor.removedKey') })
    case 'customer':
      return actor.name ? t('customer.actor.customerNamed', { name: actor.name }) : t('customer.actor.customer')
    case 'anonymous':
      return t('customer.actor.anonymous')
    default: {
      const id = actor.id ?? ''
      if (id.startsWith('job:')) return t('customer.actor.job', { job: id.slice('job:'.length) })
      if (id === 'demo') return t('customer.actor.demo')
      if (id === 'import') return t('customer.actor.import')
      return t('customer.actor.system')
    }
  }
}
