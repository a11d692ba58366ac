/**
 * @module
 * Where complaint-tracking's admin pages live (router paths under `/admin`).
 */
export const paths = {
  list: '/complaint-tracking',
  detail: (id: string) => `/complaint-tracking/cases/${encodeURIComponent(id)}`,
  newCase: '/complaint-tracking/new',
  followUps: '/complaint-tracking/follow-ups',
}
