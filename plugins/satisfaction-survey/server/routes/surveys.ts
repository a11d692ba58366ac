/**
 * @module
 * Surveys for staff: create (from a template or JSON), list, read, edit the draft, delete a draft,
 * archive, publish a numbered immutable version, and read versions. Any attempt to change a
 * published version is a 409.
 */
import { commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, policies, type PluginContext, type PluginRoute, z } from '@rapport/plugin-sdk'
import {
  createSurveyRequest, idParams, surveyListSchema, surveyQuery, surveySchema, updateSurveyRequest, versionParams, versionSchema,
} from '../../shared/schemas.js'
import type { SurveyConfig } from '../config.js'
import { surveyErrors } from '../errors.js'
import { findSurvey, findVersion, listSurveys, listVersions, withoutSecret } from '../surveys/survey-store.js'
import { archive, createSurvey, publishSurvey, removeDraft, updateDraft } from '../surveys/write-survey.js'

type Ctx = PluginContext<SurveyConfig>
const read = policies.staffRead('customers:read')
const notFound = { 404: jsonResponse(errorBody, 'No such survey') }
const conflict = { 409: jsonResponse(errorBody, 'Archived, published, or a published version') }

/** @example ctx.route(createSurveyRoute(ctx)) */
export const createSurveyRoute = (ctx: Ctx): PluginRoute => defineRoute(
  {
    method: 'post', path: '/surveys', access: policies.admins, summary: 'Create a survey from a template or SurveyJS JSON',
    request: { body: jsonBody(createSurveyRequest) }, bodyLimitBytes: 512 * 1024,
    responses: { 201: jsonResponse(surveySchema, 'The new survey (a draft)'), 404: jsonResponse(errorBody, 'No such template'), ...commonErrors },
  },
  async (c) => c.json(withoutSecret(await ctx.db.tx((tx) => createSurvey(tx, c.req.valid('json'), ctx.now().toISOString()))), 201),
)

/** @example ctx.route(listSurveysRoute(ctx)) */
export const listSurveysRoute = (ctx: Ctx): PluginRoute => defineRoute(
  {
    method: 'get', path: '/surveys', access: read, summary: 'Surveys, newest first', request: { query: surveyQuery },
    responses: { 200: jsonResponse(surveyListSchema, 'Surveys'), ...commonErrors },
  },
  async (c) => c.json({ items: (await listSurveys(ctx.db, c.req.valid('query').status)).map(withoutSecret) }, 200),
)

/** @example ctx.route(getSurveyRoute(ctx)) */
export const getSurveyRoute = (ctx: Ctx): PluginRoute => defineRoute(
  {
    method: 'get', path: '/surveys/{id}', access: read, summary: 'One survey with its draft', request: { params: idParams },
    responses: { 200: jsonResponse(surveySchema, 'The survey'), ...notFound, ...commonErrors },
  },
  async (c) => {
    const { id } = c.req.valid('param')
    const found = await findSurvey(ctx.db, id)
    if (!found) throw surveyErrors.NOT_FOUND({ surveyId: id })
    return c.json(withoutSecret(found), 200)
  },
)

/** @example ctx.route(updateSurveyRoute(ctx)) */
export const updateSurveyRoute = (ctx: Ctx): PluginRoute => defineRoute(
  {
    method: 'put', path: '/surveys/{id}', access: policies.admins, summary: "Edit the survey's draft and distribution settings",
    request: { params: idParams, body: jsonBody(updateSurveyRequest) }, bodyLimitBytes: 512 * 1024,
    responses: { 200: jsonResponse(surveySchema, 'The survey'), ...notFound, ...conflict, ...commonErrors },
  },
  async (c) => c.json(withoutSecret(await ctx.db.tx((tx) => updateDraft(tx, c.req.valid('param').id, c.req.valid('json'), ctx.now().toISOString()))), 200),
)

/** @example ctx.route(deleteSurveyRoute(ctx)) */
export const deleteSurveyRoute = (ctx: Ctx): PluginRoute => defineRoute(
  {
    method: 'delete', path: '/surveys/{id}', access: policies.admins, summary: 'Delete a survey that was never published',
    request: { params: idParams }, responses: { 204: { description: 'Deleted' }, ...notFound, ...conflict, ...commonErrors },
  },
  async (c) => {
    await ctx.db.tx((tx) => removeDraft(tx, c.req.valid('param').id))
    return c.body(null, 204)
  },
)

/** @example ctx.route(archiveSurveyRoute(ctx)) */
export const archiveSurveyRoute = (ctx: Ctx): PluginRoute => defineRoute(
  {
    method: 'post', path: '/surveys/{id}/archive', access: policies.admins, summary: 'Archive a survey: no more invitations or responses',
    request: { params: idParams }, responses: { 200: jsonResponse(surveySchema, 'The survey'), ...notFound, ...commonErrors },
  },
  async (c) => c.json(withoutSecret(await ctx.db.tx((tx) => archive(tx, c.req.valid('param').id, ctx.now().toISOString()))), 200),
)

/** @example ctx.route(publishSurveyRoute(ctx)) */
export const publishSurveyRoute = (ctx: Ctx): PluginRoute => defineRoute(
  {
    method: 'post', path: '/surveys/{id}/versions', access: policies.admins, summary: 'Publish the draft as the next immutable version',
    request: { params: idParams }, responses: { 201: jsonResponse(versionSchema, 'The new version'), ...notFound, ...conflict, ...commonErrors },
  },
  async (c) => c.json(await ctx.db.tx((tx) => publishSurvey(tx, c.req.valid('param').id, ctx.now().toISOString())), 201),
)

/** @example ctx.route(listVersionsRoute(ctx)) */
export const listVersionsRoute = (ctx: Ctx): PluginRoute => defineRoute(
  {
    method: 'get', path: '/surveys/{id}/versions', access: read, summary: 'Published versions, oldest first', request: { params: idParams },
    responses: { 200: jsonResponse(z.object({ items: z.array(versionSchema) }), 'Versions'), ...notFound, ...commonErrors },
  },
  async (c) => {
    const { id } = c.req.valid('param')
    if (!await findSurvey(ctx.db, id)) throw surveyErrors.NOT_FOUND({ surveyId: id })
    return c.json({ items: await listVersions(ctx.db, id) }, 200)
  },
)

/** @example ctx.route(getVersionRoute(ctx)) */
export const getVersionRoute = (ctx: Ctx): PluginRoute => defineRoute(
  {
    method: 'get', path: '/surveys/{id}/versions/{version}', access: read, summary: 'One published version', request: { params: versionParams },
    responses: { 200: jsonResponse(versionSchema, 'The version'), 404: jsonResponse(errorBody, 'No such survey or version'), ...commonErrors },
  },
  async (c) => {
    const { id, version } = c.req.valid('param')
    const found = await findVersion(ctx.db, id, version)
    if (!found) throw surveyErrors.VERSION_NOT_FOUND({ surveyId: id, version })
    return c.json(found, 200)
  },
)

/** A published version never changes: every edit is refused, naming the way to change the survey. @example ctx.route(editVersionRoute(ctx)) */
export const editVersionRoute = (ctx: Ctx): PluginRoute => defineRoute(
  {
    method: 'put', path: '/surveys/{id}/versions/{version}', access: policies.admins, summary: 'Refused: published versions are immutable (edit the draft and publish)',
    request: { params: versionParams }, responses: { 409: jsonResponse(errorBody, 'Published versions are immutable'), 404: jsonResponse(errorBody, 'No such version'), ...commonErrors },
  },
  async (c) => {
    const { id, version } = c.req.valid('param')
    if (!await findVersion(ctx.db, id, version)) throw surveyErrors.VERSION_NOT_FOUND({ surveyId: id, version })
    throw surveyErrors.VERSION_IMMUTABLE({ surveyId: id, version })
  },
)
