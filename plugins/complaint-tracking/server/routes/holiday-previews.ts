/**
 * @module
 * `POST /holiday-previews`: reads a year of public holidays from a pasted or uploaded CSV or .ics
 * file and answers what would be stored, so an admin sees the year before saving it in the config.
 */
import { commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, policies, type PluginContext, type PluginRoute } from '@rapport/plugin-sdk'
import { holidayImportRequest, holidayPreviewSchema } from '../../shared/holiday-schemas.js'
import type { ComplaintsConfig } from '../config.js'
import { complaintsErrors } from '../errors.js'
import { HolidayImportError, previewHolidays } from '../sla/holiday-import.js'

/** @example ctx.route(holidayPreviewRoute(ctx)) */
export const holidayPreviewRoute = (_ctx: PluginContext<ComplaintsConfig>): PluginRoute => defineRoute(
  {
    // Admins only, like the config it prepares; it stores nothing.
    method: 'post', path: '/holiday-previews', access: policies.admins,
    summary: 'Preview a year of public holidays and make-up working days read from a CSV or .ics file',
    request: { body: jsonBody(holidayImportRequest) },
    responses: { 200: jsonResponse(holidayPreviewSchema, 'The year as it would be stored'), 422: jsonResponse(errorBody, 'The file was refused, by line'), ...commonErrors },
  },
  async (c) => {
    try {
      return c.json(previewHolidays(c.req.valid('json')), 200)
    } catch (err) {
      if (err instanceof HolidayImportError) throw complaintsErrors.HOLIDAY_IMPORT_INVALID({ issues: err.issues })
      throw err
    }
  },
)
