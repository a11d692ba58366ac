/**
 * @module
 * The survey and version an imported response answered: the survey by id or by its exact name
 * (when one survey has it), the version given or else the latest published one. Read once per
 * import for each survey and version named.
 */
import type { Queryable, RowIssue } from '@rapport/plugin-sdk'
import { surveyErrors } from '../errors.js'
import { findSurvey, findVersion, listSurveys, type StoredSurvey, type Version } from '../surveys/survey-store.js'

/** A version, or the issue naming the column that points nowhere. */
export type VersionLookup = { version: Version } | { issue: RowIssue }

const issue = (column: string, e: { code: string; message: string }): { issue: RowIssue } => ({ issue: { column, code: e.code, message: e.message } })

/** @example const surveys = createSurveyResolver(ctx.db); const found = await surveys.versionOf('After-sale NPS', '2') */
export function createSurveyResolver(q: Queryable) {
  const surveys = new Map<string, Promise<StoredSurvey | undefined>>()
  const versions = new Map<string, Promise<Version | undefined>>()
  const surveyOf = (ref: string) => {
    let found = surveys.get(ref)
    if (!found) {
      found = findSurvey(q, ref).then(async (byId) => {
        if (byId) return byId
        const named = (await listSurveys(q)).filter((s) => s.name === ref)
        return named.length === 1 ? named[0] : undefined
      })
      surveys.set(ref, found)
    }
    return found
  }
  return {
    /** The survey a reference names (undefined when none, or when several have that name). */
    surveyOf,
    async versionOf(ref: unknown, versionCell: unknown): Promise<VersionLookup> {
      if (typeof ref !== 'string') return issue('surveyId', surveyErrors.IMPORT_CELL_INVALID({ column: 'surveyId', reason: 'is required (or give ?survey= / --survey)' }))
      const survey = await surveyOf(ref)
      if (!survey) return issue('surveyId', surveyErrors.NOT_FOUND({ surveyId: ref }))
      const number = versionCell === undefined ? survey.latestVersion : Number(versionCell)
      if (number === null) return issue('surveyId', surveyErrors.NOT_PUBLISHED({ surveyId: survey.id }))
      if (!Number.isInteger(number) || number < 1) return issue('version', surveyErrors.IMPORT_CELL_INVALID({ column: 'version', reason: 'must be a whole number from 1' }))
      const key = `${survey.id}:${number}`
      let version = versions.get(key)
      if (!version) versions.set(key, (version = findVersion(q, survey.id, number)))
      const found = await version
      return found ? { version: found } : issue('version', surveyErrors.VERSION_NOT_FOUND({ surveyId: survey.id, version: number }))
    },
  }
}
