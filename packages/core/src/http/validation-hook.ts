import { requestErrors } from '../errors/index.js'

type Issue = { path: PropertyKey[]; message: string; code?: string; keys?: string[] }
type HookResult = { success: true } | { success: false; error: { issues: Issue[] }; target?: string }

/**
 * Turns a zod validation failure into REQUEST_INVALID (400) naming each offending field, with
 * the part of the request it came from (`query.limit`, `body.events.3.amountMinor`).
 * @example new OpenAPIHono({ defaultHook: validationHook })
 */
export function validationHook(result: HookResult): void {
  if (result.success) return
  const where = result.target === 'json' ? 'body' : result.target === 'param' ? 'path' : (result.target ?? 'body')
  const issues = result.error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' && issue.keys ? ` (${issue.keys.join(', ')})` : ''
    return { path: [where, ...issue.path.map(String)].join('.'), message: issue.message + keys }
  })
  throw requestErrors.INVALID({ issues })
}
