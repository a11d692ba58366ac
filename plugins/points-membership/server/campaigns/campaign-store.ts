/**
 * @module
 * Campaign rows: create, replace, list, the ones whose window holds a time, and the budget, taken
 * under the row's lock so two orders can never both spend its last points.
 */
import { newId, type Queryable } from '@rapport/plugin-sdk'
import type { Campaign, CampaignInput } from '../../shared/campaign-schemas.js'

/** A campaign as the server keeps it (its state is worked out per request). */
export type StoredCampaign = Omit<Campaign, 'state'>

type Row = {
  id: string; name: string; kind: Campaign['kind']; rule: string; conditions: string; starts_at: string; ends_at: string
  budget_points: number | string | null; issued_points: number | string; active: number | boolean; created_at: string; updated_at: string
}
const COLUMNS = 'id, name, kind, rule, conditions, starts_at, ends_at, budget_points, issued_points, active, created_at, updated_at'
const INSERT = `INSERT INTO points_campaigns (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`
const REPLACE = `UPDATE points_campaigns SET name = ?, kind = ?, rule = ?, conditions = ?, starts_at = ?, ends_at = ?, budget_points = ?, active = ?, updated_at = ?
  WHERE id = ?`
const RUNNING_AT = `SELECT ${COLUMNS} FROM points_campaigns WHERE active = 1 AND starts_at <= ? AND ends_at > ? ORDER BY starts_at, id`
// Writing the row first takes its lock (PostgreSQL); the read after it sees every committed credit.
const LOCK = 'UPDATE points_campaigns SET issued_points = issued_points WHERE id = ?'
const ISSUED = 'SELECT issued_points FROM points_campaigns WHERE id = ?'
const ISSUE = 'UPDATE points_campaigns SET issued_points = issued_points + ? WHERE id = ?'

const toCampaign = (r: Row): StoredCampaign => {
  const rule = JSON.parse(r.rule) as { multiplier?: number; bonusPoints?: number }
  return {
    id: r.id, name: r.name, kind: r.kind, ...rule, conditions: JSON.parse(r.conditions), startsAt: r.starts_at, endsAt: r.ends_at,
    budgetPoints: r.budget_points === null ? null : Number(r.budget_points), issuedPoints: Number(r.issued_points),
    active: Number(r.active) === 1, createdAt: r.created_at, updatedAt: r.updated_at,
  }
}
const ruleOf = (c: CampaignInput) => JSON.stringify(c.kind === 'multiplier' ? { multiplier: c.multiplier } : { bonusPoints: c.bonusPoints })

/** @example const campaign = await insertCampaign(tx, input, now) */
export async function insertCampaign(tx: Queryable, c: CampaignInput, at: string): Promise<StoredCampaign> {
  const id = newId('pcm')
  await tx.run(INSERT, [id, c.name, c.kind, ruleOf(c), JSON.stringify(c.conditions), c.startsAt, c.endsAt, c.budgetPoints, c.active ? 1 : 0, at, at])
  return (await findCampaign(tx, id))!
}

/** @returns the campaign after the change, or undefined when there is none. @example await replaceCampaign(tx, id, input, now) */
export async function replaceCampaign(tx: Queryable, id: string, c: CampaignInput, at: string): Promise<StoredCampaign | undefined> {
  const { changes } = await tx.run(REPLACE, [c.name, c.kind, ruleOf(c), JSON.stringify(c.conditions), c.startsAt, c.endsAt, c.budgetPoints, c.active ? 1 : 0, at, id])
  return changes === 1 ? findCampaign(tx, id) : undefined
}

/** @example await findCampaign(ctx.db, 'pcm_1') */
export async function findCampaign(q: Queryable, id: string): Promise<StoredCampaign | undefined> {
  const row = await q.get<Row>(`SELECT ${COLUMNS} FROM points_campaigns WHERE id = ?`, [id])
  return row && toCampaign(row)
}

/** Every campaign, latest start first. @example await listCampaigns(ctx.db) */
export async function listCampaigns(q: Queryable): Promise<StoredCampaign[]> {
  return (await q.all<Row>(`SELECT ${COLUMNS} FROM points_campaigns ORDER BY starts_at DESC, id`)).map(toCampaign)
}

/** Active campaigns whose window holds `at` (an event's own time). @example await campaignsRunningAt(tx, event.occurredAt) */
export async function campaignsRunningAt(q: Queryable, at: string): Promise<StoredCampaign[]> {
  return (await q.all<Row>(RUNNING_AT, [at, at])).map(toCampaign)
}

/**
 * Takes up to `points` from the campaign's budget and counts them as issued.
 * @returns the points granted: all of them without a budget, what is left of it otherwise (0 when spent)
 * @example const granted = await takeBudget(tx, campaign, 300)
 */
export async function takeBudget(tx: Queryable, campaign: Pick<StoredCampaign, 'id' | 'budgetPoints'>, points: number): Promise<number> {
  let granted = points
  if (campaign.budgetPoints !== null) {
    await tx.run(LOCK, [campaign.id])
    const issued = Number((await tx.get<{ issued_points: number }>(ISSUED, [campaign.id]))?.issued_points ?? 0)
    granted = Math.max(0, Math.min(points, campaign.budgetPoints - issued))
  }
  if (granted > 0) await tx.run(ISSUE, [granted, campaign.id])
  return granted
}

/** Where a campaign stands at `now`. @example stateOf(campaign, ctx.now().toISOString()) // 'running' */
export function stateOf(c: StoredCampaign, now: string): Campaign['state'] {
  if (!c.active) return 'paused'
  if (now < c.startsAt) return 'scheduled'
  if (now >= c.endsAt) return 'ended'
  return c.budgetPoints !== null && c.issuedPoints >= c.budgetPoints ? 'exhausted' : 'running'
}
