import { requestErrors } from '../errors/index.js'

type Issue = { path: PropertyKey[]; message: string; code?: string; keys?: string[] }
type HookResult = { success: true } | { success: false; error: { issues: Issue[] }; target?: string }

/**
 * Turns a zod validation failure into REQUEST_INVALID (400) naming each offending field, with
 * the part of the request it came from (`query.limit`, `body.events.3.amountMinor`, `body.priority`
 * for a key the route does not take).
 * @example new OpenAPIHono({ defaultHook: validationHook })
 */
export function validationHook(result: HookResult): void {
  if (result.success) return
  const where = result.target === 'json' ? 'body' : result.target === 'param' ? 'path' : (result.target ?? 'body')
  // An unknown key is named in the path itself (`body.priority`), one issue per key, so a caller
  // (or a customer page) sees which field a route does not take.
  const issues = result.error.issues.flatMap((issue) => {
    const at = [where, ...issue.path.map(String)]
    if (issue.code === 'unrecognized_keys' && issue.keys?.length) return issue.keys.map((key) => ({ path: [...at, key].join('.'), message: `Unrecognized key "${key}": this route does not take it` }))
    return [{ path: at.join('.'), message: issue.message }]
  })
  throw requestErrors.INVALID({ issues })
}
