/**
 * @module
 * What the signed-in user may do with surveys, from the routes the server says their role may
 * call (`useCan`): pages show only the actions the server accepts.
 */
import { useCan } from '@rapport/admin-kit'
import { surveyApi } from './surveys'

/** @example const may = useSurveyPermissions(); may.publish && <PublishButton /> */
export function useSurveyPermissions() {
  const can = useCan()
  return {
    create: can('POST', `${surveyApi}/surveys`),
    edit: can('PUT', `${surveyApi}/surveys/{id}`),
    publish: can('POST', `${surveyApi}/surveys/{id}/versions`),
    archive: can('POST', `${surveyApi}/surveys/{id}/archive`),
    remove: can('DELETE', `${surveyApi}/surveys/{id}`),
    invite: can('POST', `${surveyApi}/surveys/{id}/invitations`),
    // Personal data in bulk: owners and admins (core's personalDataExport policy).
    exportResponses: can('GET', `${surveyApi}/exports/responses.csv`) && can('GET', `${surveyApi}/exports/responses.xlsx`),
  }
}
