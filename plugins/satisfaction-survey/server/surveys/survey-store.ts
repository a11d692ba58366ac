/**
 * @module
 * Reads and writes surveys (the draft and distribution settings) and their published versions.
 * A version row is only ever inserted: nothing here updates or deletes one. Every write of a survey
 * row moves the surveys' revision token in the same transaction (`survey-revision.ts`).
 */
import type { Queryable, z } from '@rapport/plugin-sdk'
import type { publicLinkSchema, surveySchema, themeSchema, triggerSchema, versionSchema } from '../../shared/schemas.js'
import { fromJson } from '../json-column.js'
import { bumpSurveysRevision } from './survey-revision.js'
import type { Scores } from './survey-checks.js'

/** A survey as routes return it. */
export type Survey = z.infer<typeof surveySchema>
/** A published version. */
export type Version = z.infer<typeof versionSchema>
/** Distribution settings. */
export type Trigger = z.infer<typeof triggerSchema>
/** Settings of the public link. */
export type PublicLink = z.infer<typeof publicLinkSchema>
/** Brand colour and logo. */
export type Theme = z.infer<typeof themeSchema>
/** A survey with the key that signs its public client ids and challenges. */
export type StoredSurvey = Survey & { publicSecret: string }

type SurveyRow = {
  id: string; name: string; draft: unknown; locales: unknown; default_locale: string; theme: unknown; scores: unknown; triggers: unknown
  public_link: unknown; public_token: string; public_secret: string; latest_version: number | null; created_at: string; updated_at: string; archived_at: string | null
  latest_json: unknown
}
type VersionRow = { id: string; survey_id: string; version: number; json: unknown; locales: unknown; default_locale: string; theme: unknown; scores: unknown; published_at: string }

const SELECT_SURVEY = `SELECT s.id, s.name, s.draft, s.locales, s.default_locale, s.theme, s.scores, s.triggers, s.public_link, s.public_token,
  s.public_secret, s.latest_version, s.created_at, s.updated_at, s.archived_at, v.json AS latest_json
  FROM satisfaction_surveys s LEFT JOIN satisfaction_versions v ON v.survey_id = s.id AND v.version = s.latest_version`
const VERSION_COLUMNS = 'id, survey_id, version, json, locales, default_locale, theme, scores, published_at'

const toSurvey = (r: SurveyRow): StoredSurvey => {
  const json = fromJson<Record<string, unknown>>(r.draft)
  const publicLink = fromJson<PublicLink>(r.public_link)
  return {
    id: r.id, name: r.name, json, locales: fromJson(r.locales), defaultLocale: r.default_locale, theme: fromJson(r.theme), scores: fromJson(r.scores),
    triggers: fromJson(r.triggers), publicLink, publicToken: publicLink.enabled ? r.public_token : null, publicSecret: r.public_secret,
    status: r.archived_at ? 'archived' : r.latest_version === null ? 'draft' : 'published',
    latestVersion: r.latest_version === null ? null : Number(r.latest_version),
    draftChanged: r.latest_json === null || r.latest_json === undefined || JSON.stringify(fromJson(r.latest_json)) !== JSON.stringify(json),
    createdAt: r.created_at, updatedAt: r.updated_at, archivedAt: r.archived_at,
  }
}

const toVersion = (r: VersionRow): Version => ({
  id: r.id, surveyId: r.survey_id, version: Number(r.version), json: fromJson(r.json), locales: fromJson(r.locales), defaultLocale: r.default_locale,
  theme: fromJson(r.theme), scores: fromJson(r.scores), publishedAt: r.published_at,
})

/** Strips the signing key before a survey leaves the server. @example c.json(publicView(found)) */
export const withoutSecret = ({ publicSecret: _secret, ...survey }: StoredSurvey): Survey => survey

/** @example const found = await findSurvey(ctx.db, id) */
export async function findSurvey(q: Queryable, id: string): Promise<StoredSurvey | undefined> {
  const row = await q.get<SurveyRow>(`${SELECT_SURVEY} WHERE s.id = ?`, [id])
  return row && toSurvey(row)
}

/** When the survey was archived: null while open, undefined when there is no such survey. @example await archivedAtOf(tx, surveyId) */
export async function archivedAtOf(q: Queryable, id: string): Promise<string | null | undefined> {
  return (await q.get<{ archived_at: string | null }>('SELECT archived_at FROM satisfaction_surveys WHERE id = ?', [id]))?.archived_at
}

/** The survey behind a public token (enabled or not). @example await findSurveyByPublicToken(ctx.db, token) */
export async function findSurveyByPublicToken(q: Queryable, token: string): Promise<StoredSurvey | undefined> {
  const row = await q.get<SurveyRow>(`${SELECT_SURVEY} WHERE s.public_token = ?`, [token])
  return row && toSurvey(row)
}

/** Newest first. @example await listSurveys(ctx.db, 'published') */
export async function listSurveys(q: Queryable, status?: Survey['status']): Promise<StoredSurvey[]> {
  const where = status === 'archived' ? 'WHERE s.archived_at IS NOT NULL'
    : status === 'published' ? 'WHERE s.archived_at IS NULL AND s.latest_version IS NOT NULL'
      : status === 'draft' ? 'WHERE s.archived_at IS NULL AND s.latest_version IS NULL' : ''
  return (await q.all<SurveyRow>(`${SELECT_SURVEY} ${where} ORDER BY s.seq DESC`)).map(toSurvey)
}

/** The triggers of the published, open surveys, newest first (see `published-triggers.ts`). @example await publishedTriggerRows(tx) */
export async function publishedTriggerRows(q: Queryable): Promise<Array<{ surveyId: string; triggers: Trigger[] }>> {
  const rows = await q.all<{ id: string; triggers: unknown }>('SELECT id, triggers FROM satisfaction_surveys WHERE archived_at IS NULL AND latest_version IS NOT NULL ORDER BY seq DESC')
  return rows.map((r) => ({ surveyId: r.id, triggers: fromJson<Trigger[]>(r.triggers) }))
}

/** What a new survey or a draft edit writes. */
export type DraftWrite = {
  name: string; json: Record<string, unknown>; locales: string[]; defaultLocale: string; theme: Theme; scores: Scores; triggers: Trigger[]; publicLink: PublicLink
}

/** @example await insertSurvey(tx, id, draft, { token, secret }, now) */
export async function insertSurvey(tx: Queryable, id: string, d: DraftWrite, pub: { token: string; secret: string }, at: string): Promise<void> {
  await tx.run(
    `INSERT INTO satisfaction_surveys (id, name, draft, locales, default_locale, theme, scores, triggers, public_link, public_token, public_secret, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, d.name, JSON.stringify(d.json), JSON.stringify(d.locales), d.defaultLocale, JSON.stringify(d.theme), JSON.stringify(d.scores),
      JSON.stringify(d.triggers), JSON.stringify(d.publicLink), pub.token, pub.secret, at, at],
  )
  await bumpSurveysRevision(tx)
}

/** @example await saveDraft(tx, id, draft, now) */
export async function saveDraft(tx: Queryable, id: string, d: DraftWrite, at: string): Promise<void> {
  await tx.run(
    `UPDATE satisfaction_surveys SET name = ?, draft = ?, locales = ?, default_locale = ?, theme = ?, scores = ?, triggers = ?, public_link = ?, updated_at = ? WHERE id = ?`,
    [d.name, JSON.stringify(d.json), JSON.stringify(d.locales), d.defaultLocale, JSON.stringify(d.theme), JSON.stringify(d.scores),
      JSON.stringify(d.triggers), JSON.stringify(d.publicLink), at, id],
  )
  await bumpSurveysRevision(tx)
}

/** Freezes the draft as the next version; returns it. @example const v = await insertVersion(tx, survey, now) */
export async function insertVersion(tx: Queryable, s: Survey, id: string, at: string): Promise<Version> {
  const version = (s.latestVersion ?? 0) + 1
  await tx.run(
    `INSERT INTO satisfaction_versions (id, survey_id, version, json, locales, default_locale, theme, scores, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, s.id, version, JSON.stringify(s.json), JSON.stringify(s.locales), s.defaultLocale, JSON.stringify(s.theme), JSON.stringify(s.scores), at],
  )
  await tx.run('UPDATE satisfaction_surveys SET latest_version = ?, updated_at = ? WHERE id = ?', [version, at, s.id])
  await bumpSurveysRevision(tx)
  return { id, surveyId: s.id, version, json: s.json, locales: s.locales, defaultLocale: s.defaultLocale, theme: s.theme, scores: s.scores, publishedAt: at }
}

/** @example await findVersion(ctx.db, surveyId, 2) */
export async function findVersion(q: Queryable, surveyId: string, version: number): Promise<Version | undefined> {
  const row = await q.get<VersionRow>(`SELECT ${VERSION_COLUMNS} FROM satisfaction_versions WHERE survey_id = ? AND version = ?`, [surveyId, version])
  return row && toVersion(row)
}

/** By version id (what invitations and responses pin). @example await versionById(ctx.db, id) */
export async function versionById(q: Queryable, id: string): Promise<Version | undefined> {
  const row = await q.get<VersionRow>(`SELECT ${VERSION_COLUMNS} FROM satisfaction_versions WHERE id = ?`, [id])
  return row && toVersion(row)
}

/** Oldest first. @example await listVersions(ctx.db, surveyId) */
export async function listVersions(q: Queryable, surveyId: string): Promise<Version[]> {
  return (await q.all<VersionRow>(`SELECT ${VERSION_COLUMNS} FROM satisfaction_versions WHERE survey_id = ? ORDER BY version`, [surveyId])).map(toVersion)
}

/** @example await archiveSurvey(tx, id, now) */
export async function archiveSurvey(tx: Queryable, id: string, at: string): Promise<void> {
  await tx.run('UPDATE satisfaction_surveys SET archived_at = ?, updated_at = ? WHERE id = ? AND archived_at IS NULL', [at, at, id])
  await bumpSurveysRevision(tx)
}

/** Deletes a never-published survey. @example await deleteDraftSurvey(tx, id) */
export async function deleteDraftSurvey(tx: Queryable, id: string): Promise<void> {
  await tx.run('DELETE FROM satisfaction_surveys WHERE id = ? AND latest_version IS NULL', [id])
  await bumpSurveysRevision(tx)
}
