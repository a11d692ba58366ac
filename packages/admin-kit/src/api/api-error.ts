/**
 * @module
 * The error every failed API call throws, parsed from the server's error shape
 * `{ "error": { "code", "message", "details", "requestId" } }`.
 */

/** Codes the admin itself assigns when the server gave no coded error. */
export const clientErrorCodes = {
  network: 'NETWORK_ERROR',
  unexpected: 'UNEXPECTED_RESPONSE',
} as const

/** A failed API call: HTTP status plus the server's code, message and details. */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  readonly status: number
  readonly code: string
  readonly details: unknown
  readonly requestId: string | undefined

  constructor(init: { status: number; code: string; message: string; details?: unknown; requestId?: string | undefined; cause?: unknown }) {
    super(init.message, { cause: init.cause })
    this.status = init.status
    this.code = init.code
    this.details = init.details
    this.requestId = init.requestId
  }
}

/** Whether `err` is an `ApiError`, optionally with the given code. */
export const isApiError = (err: unknown, code?: string): err is ApiError =>
  err instanceof ApiError && (code === undefined || err.code === code)

type ErrorBody = { error?: { code?: unknown; message?: unknown; details?: unknown; requestId?: unknown } }

/**
 * Builds an `ApiError` from a non-2xx response.
 * @param status HTTP status of the response
 * @param body the parsed JSON body, or undefined when it was not JSON
 */
export const apiErrorFrom = (status: number, body: unknown): ApiError => {
  const error = (body as ErrorBody | undefined)?.error
  if (error && typeof error.code === 'string') {
    return new ApiError({
      status,
      code: error.code,
      message: typeof error.message === 'string' ? error.message : error.code,
      details: error.details,
      requestId: typeof error.requestId === 'string' ? error.requestId : undefined,
    })
  }
  return new ApiError({ status, code: clientErrorCodes.unexpected, message: `Unexpected response (HTTP ${status})` })
}
