import { definePlugin, field, rule, z } from '@rapport/plugin-sdk'

/**
 * Stand-ins for the built-in plugins tiering reads, owning their namespaces, field names and
 * event types but nothing else: each event sets the fields through a rule, as a plugin mirrors
 * its records. Each names tiering in `optional`, as the real ones do: tiering may listen only to
 * plugins related to it that way (PLUGIN_EVENT_UNDECLARED). Tiering's tests stay free of the real plugins.
 */
export const pointsProbe = definePlugin({
  name: 'points-probe', namespace: 'points', version: '1.0.0', host: '^1', optional: { tiering: '*' },
  profile: { balance: field.integer(['Points balance', '积分余额']), lifetimeEarned: field.integer(['Lifetime points', '累计积分']), memberSince: field.date(['Member since', '入会日期']) },
  // points-membership's payload has no lifetime total: the stand-in's members never spend, so it is the balance.
  events: { 'points.earned': z.object({ points: z.number().int(), balance: z.number().int() }) },
  scoring: [rule({ id: 'mirror', version: 1, on: 'points.earned', apply: (e) => ({
    'points.balance': { set: Number(e.payload.balance) }, 'points.lifetimeEarned': { set: Number(e.payload.balance) }, 'points.memberSince': { set: '2026-01-01' },
  }) })],
})

export const complaintsProbe = definePlugin({
  name: 'complaints-probe', namespace: 'complaints', eventPrefixes: ['complaint'], version: '1.0.0', host: '^1', optional: { tiering: '*' },
  profile: { open: field.integer(['Open complaints', '未结投诉']) },
  events: { 'complaint.opened': z.object({ caseId: z.string() }), 'complaint.resolved': z.object({ caseId: z.string() }) },
  scoring: [
    rule({ id: 'open', version: 1, on: 'complaint.opened', apply: () => ({ 'complaints.open': { add: 1 } }) }),
    rule({ id: 'resolve', version: 1, on: 'complaint.resolved', apply: () => ({ 'complaints.open': { add: -1 } }) }),
  ],
})

export const satisfactionProbe = definePlugin({
  name: 'satisfaction-probe', namespace: 'satisfaction', version: '1.0.0', host: '^1', optional: { tiering: '*' },
  profile: { lastNps: field.integer(['Last NPS', '最近 NPS']), avgCsat: field.number(['Average CSAT', '平均满意度']), responses: field.integer(['Responses', '答卷数']) },
  events: { 'satisfaction.answered': z.object({ nps: z.number().int().optional(), csat: z.number().optional() }) },
  scoring: [rule({ id: 'answer', version: 1, on: 'satisfaction.answered', apply: (e) => ({
    ...(e.payload.nps === undefined ? {} : { 'satisfaction.lastNps': { set: Number(e.payload.nps) } }),
    ...(e.payload.csat === undefined ? {} : { 'satisfaction.avgCsat': { set: Number(e.payload.csat) } }),
    'satisfaction.responses': { add: 1 },
  }) })],
})

// The satisfaction stand-in's own event (the real plugin's are `survey.*`, with other payloads).
declare module '@rapport/plugin-sdk' {
  interface EventMap { 'satisfaction.answered': { nps?: number; csat?: number } }
}
