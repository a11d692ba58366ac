/**
 * @module
 * Descriptions of the query parameters routes left bare, for the served OpenAPI document. Filters
 * that mean the same wherever they appear are described by name; the rest by route and name.
 * Allowed values and defaults are in each parameter's schema, so the texts say what the value does.
 */

/** By name: the same meaning on every route that has it. */
const BY_NAME: Record<string, string> = {
  customerId: 'Only items of this customer (the customer id)',
  rewardId: 'Only vouchers of this reward (the reward id)',
  surveyId: 'Only responses to this survey (the survey id)',
  version: 'Only responses to this version of the survey; every version when omitted',
  channel: 'Only items that came through this channel',
  mode: 'all-or-nothing writes nothing when any row is invalid; valid-only writes the valid rows and reports the others',
  locale: 'The language of the texts (BCP 47 tag: zh-CN or en)',
  email: 'Only the customer with this email address (exact, any case)',
  phone: 'Only the customer with this phone number (exact)',
  externalId: 'Only the customer with this external id (exact)',
  includeErased: 'true to include erased customers, shown without their personal data',
  ids: 'Customer ids separated by commas, at most 100',
  type: 'Only events of this type (order.completed)',
  status: 'Only items in this status',
  state: 'Only items in this state',
  category: 'Only items of this category (its id in the plugin settings)',
  priority: 'Only cases of this priority',
  assignee: 'Only cases of this assignee: a user id, or team:<name>',
  bucket: 'The length of each point of the series',
  interval: 'The length of each point of the series',
}

/** By `<path after /api/v1 or /api/p> <name>`, where a name means something of its own there. */
const BY_ROUTE: Record<string, string> = {
  'deliveries subscriber': 'Only deliveries to this after-commit subscriber (<plugin>:<id>, or core:<id> for core)',
  'audit actorType': 'Only entries made by this kind of actor',
  'audit action': 'Only entries of this action (user.created)',
  'tiering/analytics/over-time of': 'Count customers by tier, or by ladder step',
  'tiering/analytics/migration of': 'Moves between tiers, or between ladder steps',
  'satisfaction-survey/surveys/{id}/embed-code question': 'The question the embedded widget asks first',
  'satisfaction-survey/respond prefill': 'Answers filled in before the page opens (a score clicked in an email): their base64url JSON and its signature, as the invitation links them',
  'satisfaction-survey/analytics/nps/segments by': 'What to split the NPS by; field needs the field parameter',
  'satisfaction-survey/analytics/nps/segments field': 'The profile field to split by, when by is field (tiering.tier)',
  'satisfaction-survey/analytics/nps/segments fieldSource': "snapshot: the field's value when the customer answered; current: its value now",
  'satisfaction-survey/analytics/texts question': 'The id of the free-text question',
  'satisfaction-survey/analytics/texts/summary question': 'The id of the free-text question',
  'satisfaction-survey/imports/responses survey': 'The survey the rows answer (its id or its name) when the rows do not say',
  'complaint-tracking/cases sla': 'Only cases whose SLA is in this state',
  'complaint-tracking/cases number': 'The case with this readable number (CT-2026-000123)',
  'complaint-tracking/cases tag': 'Only cases with this tag',
  'complaint-tracking/follow-ups due': 'true: due by now; today: due today in the business time zone; false: not yet due',
  'complaint-tracking/follow-ups owner': 'Only follow-ups owned by this user (user id) or team (team:<name>)',
  'complaint-tracking/follow-ups planId': 'Only follow-ups of this follow-up plan',
  'complaint-tracking/analytics/sla by': 'What to group the SLA figures by',
  'churn-risk/customers band': 'Only customers in this risk band; atRisk is medium and high',
  'churn-risk/customers sort': 'Order of the list; - for descending',
  'churn-risk/customers offset': 'How many customers to skip',
}

/** `/api/v1/audit` → `audit`; `/api/p/tiering/analytics/migration` → `tiering/analytics/migration`. */
const routeOf = (path: string) => path.replace(/^\/api\/(v1|p)\//, '')

/**
 * The description of a query parameter a route left bare, or undefined when none is known.
 * @example queryParameterDescription('/api/v1/audit', 'action') // 'Only entries of this action (user.created)'
 */
export function queryParameterDescription(path: string, name: string): string | undefined {
  return BY_ROUTE[`${routeOf(path)} ${name}`] ?? (Object.hasOwn(BY_NAME, name) ? BY_NAME[name] : undefined)
}
