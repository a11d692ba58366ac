import { definePlugin, field, rule, z } from '@rapport/plugin-sdk'
import '../server/extension-points.js'

/**
 * Stand-ins for the built-in plugins churn-risk reads, owning their namespaces, field names,
 * event types and the `points.credit` extension point, and nothing else. Each takes the real
 * plugin's name, since churn-risk may use another plugin's events and extension points only from
 * the plugins its `optional` names (PLUGIN_EVENT_UNDECLARED, PLUGIN_EXTENSION_UNDECLARED). churn-risk's tests stay free of the real plugins (which never import each
 * other).
 */
export const tieringProbe = definePlugin({
  name: 'tiering', namespace: 'tiering', version: '1.0.0', host: '^1', eventPrefixes: ['tier'],
  events: { 'tier.changed': z.object({ from: z.string().nullable(), to: z.string(), reason: z.enum(['initial', 'upgrade', 'downgrade']) }) },
})

export const satisfactionProbe = definePlugin({
  name: 'satisfaction-survey', namespace: 'satisfaction', version: '1.0.0', host: '^1', eventPrefixes: ['survey'],
  profile: { lastNps: field.integer(['Last NPS', '最近 NPS']) },
  events: { 'survey.response.completed': z.object({ nps: z.number().int().nullable() }) },
  scoring: [rule({ id: 'nps', version: 1, on: 'survey.response.completed', apply: (e) => (e.payload.nps === null ? {} : { 'satisfaction.lastNps': { set: Number(e.payload.nps) } }) })],
})

export const complaintsProbe = definePlugin({
  name: 'complaint-tracking', namespace: 'complaints', version: '1.0.0', host: '^1',
  profile: { open: field.integer(['Open complaints', '未结投诉']) },
  events: { 'complaints.opened': z.object({ caseId: z.string() }), 'complaints.resolved': z.object({ caseId: z.string() }) },
  scoring: [
    rule({ id: 'open', version: 1, on: 'complaints.opened', apply: () => ({ 'complaints.open': { add: 1 } }) }),
    rule({ id: 'resolve', version: 1, on: 'complaints.resolved', apply: () => ({ 'complaints.open': { add: -1 } }) }),
  ],
})

/** Credits once per key, into its own table, like points-membership's goodwill credits. */
export const pointsProbe = definePlugin({
  name: 'points-membership', namespace: 'points', version: '1.0.0', host: '^1',
  extensionPoints: { 'points.credit': { description: 'credit points once per key' } },
  setup(ctx) {
    ctx.provide('points.credit', async ({ customerId, points, key, tx }) => {
      const q = tx ?? ctx.db
      const seen = await q.get<{ entry_id: string; points: number }>('SELECT entry_id, points FROM points_credits WHERE key = ?', [key])
      if (seen) return { credited: true, repeated: true, entryId: seen.entry_id, points: Number(seen.points), balance: Number(seen.points) }
      const entryId = `pe_${key}`
      await q.run('INSERT INTO points_credits (key, customer_id, entry_id, points) VALUES (?, ?, ?, ?)', [key, customerId, entryId, points])
      return { credited: true, repeated: false, entryId, points, balance: points }
    })
  },
  migrations: [{ id: '0001', sqlite: ['CREATE TABLE points_credits (key TEXT PRIMARY KEY, customer_id TEXT NOT NULL, entry_id TEXT NOT NULL, points INTEGER NOT NULL)'], pg: ['CREATE TABLE points_credits (key TEXT PRIMARY KEY, customer_id TEXT NOT NULL, entry_id TEXT NOT NULL, points INTEGER NOT NULL)'] }],
})
