/**
 * @module
 * Small helpers that keep OpenAPI response declarations short.
 */
import { z } from '@hono/zod-openapi'

/** The error body every failure returns. */
export const errorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'CUSTOMER_NOT_FOUND' }),
      message: z.string(),
      details: z.unknown().optional(),
      requestId: z.string(),
    }),
  })
  .openapi('Error')

/** A JSON response with a schema. @example responses: { 200: jsonResponse(customer, 'The customer') } */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description }
}

/** A JSON request body. @example request: { body: jsonBody(customerInput) } */
export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return { content: { 'application/json': { schema } }, required: true, ...(description ? { description } : {}) }
}

/** The error responses most routes can give, for the OpenAPI document. */
export const commonErrors = {
  400: jsonResponse(errorBody, 'Invalid request'),
  401: jsonResponse(errorBody, 'Not signed in and no API key'),
  403: jsonResponse(errorBody, 'Not allowed for this caller'),
}
