/**
 * @module
 * Creating a survey (from a template or SurveyJS JSON), editing its draft, publishing a version,
 * archiving and deleting. Every write checks the JSON and the score questions first.
 */
import { randomBytes } from 'node:crypto'
import { newId, type Queryable, type z } from '@rapport/plugin-sdk'
import type { createSurveyRequest, updateSurveyRequest } from '../../shared/schemas.js'
import { surveyErrors } from '../errors.js'
import { checkSurvey } from './survey-checks.js'
import {
  archiveSurvey, deleteDraftSurvey, type DraftWrite, findSurvey, insertSurvey, insertVersion, saveDraft, type StoredSurvey, type Version,
} from './survey-store.js'
import { templates } from './templates.js'

const blank = { pages: [{ name: 'page1', elements: [] }] }

/** @example const created = await createSurvey(tx, body, now) */
export async function createSurvey(tx: Queryable, body: z.infer<typeof createSurveyRequest>, at: string): Promise<StoredSurvey> {
  const template = body.templateId === undefined ? undefined : templates.find((t) => t.id === body.templateId)
  if (body.templateId !== undefined && !template) throw surveyErrors.TEMPLATE_NOT_FOUND({ templateId: body.templateId })
  const draft: DraftWrite = {
    name: body.name,
    json: body.json ?? structuredClone(template?.json ?? blank),
    locales: body.locales ?? [...(template?.locales ?? ['zh-CN', 'en'])],
    defaultLocale: body.defaultLocale ?? body.locales?.[0] ?? 'zh-CN',
    theme: body.theme ?? {},
    scores: body.scores ?? template?.scores ?? {},
    triggers: body.triggers ?? [],
    publicLink: body.publicLink ?? { enabled: false, oneResponsePerClient: true, proofOfWorkBits: 0 },
  }
  checkDraft(draft)
  const id = newId('srv')
  await insertSurvey(tx, id, draft, { token: randomBytes(18).toString('base64url'), secret: randomBytes(32).toString('base64url') }, at)
  return (await findSurvey(tx, id))!
}

/** Edits the draft and settings; omitted keys stay. A published version never changes. @example await updateDraft(tx, id, { name: 'NPS Q3' }, now) */
export async function updateDraft(tx: Queryable, id: string, body: z.infer<typeof updateSurveyRequest>, at: string): Promise<StoredSurvey> {
  const found = await liveSurvey(tx, id)
  const draft: DraftWrite = {
    name: body.name ?? found.name, json: body.json ?? found.json, locales: body.locales ?? found.locales,
    defaultLocale: body.defaultLocale ?? found.defaultLocale, theme: body.theme ?? found.theme, scores: body.scores ?? found.scores,
    triggers: body.triggers ?? found.triggers, publicLink: body.publicLink ?? found.publicLink,
  }
  checkDraft(draft)
  await saveDraft(tx, id, draft, at)
  return (await findSurvey(tx, id))!
}

/** Freezes the current draft as the next numbered version. @example const v = await publishSurvey(tx, id, now) */
export async function publishSurvey(tx: Queryable, id: string, at: string): Promise<Version> {
  const found = await liveSurvey(tx, id)
  checkDraft(found)
  return insertVersion(tx, found, newId('ver'), at)
}

/** @example await archive(tx, id, now) */
export async function archive(tx: Queryable, id: string, at: string): Promise<StoredSurvey> {
  const found = await findSurvey(tx, id)
  if (!found) throw surveyErrors.NOT_FOUND({ surveyId: id })
  await archiveSurvey(tx, id, at)
  return (await findSurvey(tx, id))!
}

/** Only a survey never published can be deleted. @example await removeDraft(tx, id) */
export async function removeDraft(tx: Queryable, id: string): Promise<void> {
  const found = await findSurvey(tx, id)
  if (!found) throw surveyErrors.NOT_FOUND({ surveyId: id })
  if (found.latestVersion !== null) throw surveyErrors.NOT_DELETABLE({ surveyId: id, versions: found.latestVersion })
  await deleteDraftSurvey(tx, id)
}

async function liveSurvey(tx: Queryable, id: string): Promise<StoredSurvey> {
  const found = await findSurvey(tx, id)
  if (!found) throw surveyErrors.NOT_FOUND({ surveyId: id })
  if (found.archivedAt) throw surveyErrors.ARCHIVED({ surveyId: id })
  return found
}

function checkDraft(d: Pick<DraftWrite, 'json' | 'scores' | 'locales' | 'defaultLocale'>): void {
  d.json = checkSurvey(d.json, d.scores)
  if (!d.locales.includes(d.defaultLocale)) {
    throw surveyErrors.DEFINITION_INVALID({ issues: [{ path: 'defaultLocale', code: 'locale_not_offered', message: `${d.defaultLocale} is not in locales` }] })
  }
}
