/**
 * @module
 * A failed call as one sentence: the plugin's own translation of its codes (`POINTS_*` and the few
 * core codes its forms meet), else the shell's translation (namespace `translation`), else the
 * server's message.
 */
import { isApiError, type PluginT } from '@rapport/admin-kit'

/** Details as translation parameters: numbers in the language's digits, lists as `a, b`. */
const paramsOf = (details: unknown, language: string): Record<string, unknown> =>
  details && typeof details === 'object'
    ? Object.fromEntries(Object.entries(details).map(([key, value]) => [
        key, Array.isArray(value) ? value.join(', ') : typeof value === 'number' ? value.toLocaleString(language) : value,
      ]))
    : {}

/** @example message.error(errorText(t, err, language)) */
export function errorText(t: PluginT, err: unknown, language: string): string {
  if (!isApiError(err)) return t('translation:common.error')
  const params = paramsOf(err.details, language)
  const shell = t(`translation:errors.${err.code}`, { ...params, defaultValue: err.message })
  return t(`errors.${err.code}`, { ...params, defaultValue: shell })
}

/** The server's `REQUEST_INVALID` / `PLUGIN_CONFIG_INVALID` issues: `{ path, message }`, paths without `body.`. */
export function issuesOf(err: unknown): { path: string; message: string }[] {
  if (!isApiError(err)) return []
  const issues = (err.details as { issues?: Array<{ path?: unknown; message?: unknown }> } | undefined)?.issues ?? []
  return issues.map((i) => ({ path: typeof i.path === 'string' ? i.path.replace(/^body\./, '') : '', message: typeof i.message === 'string' ? i.message : '' }))
}
