/**
 * @module
 * The actions and entity types core records in its audit log, offered as filters and
 * translated in `audit.actions.*` and `audit.targetTypes.*`. An entry with any other action
 * still shows, under its raw name.
 */

/** Actions core records, by area. */
export const auditActions = [
  'user.created', 'user.updated',
  'api-key.created', 'api-key.revoked',
  'customer.created', 'customer.updated', 'customer.erased', 'customer.exported', 'customer.link-created',
  'segment.created', 'segment.updated', 'segment.deleted', 'segment.exported',
  'plugin.enabled', 'plugin.disabled', 'plugin.configured',
  'import.completed', 'job.triggered', 'delivery.retried',
  'event.recorded',
] as const

/** Kinds of entity an entry can be about. */
export const auditTargetTypes = ['user', 'api-key', 'customer', 'segment', 'plugin', 'import', 'job', 'delivery', 'event'] as const

/** Kinds of actor. */
export const auditActorTypes = ['user', 'apiKey', 'customer', 'system', 'anonymous'] as const
