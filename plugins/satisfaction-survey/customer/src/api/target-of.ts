/**
 * @module
 * Which survey the address opens: `/s/<token>` is a customer link, `/s/p/<publicToken>` the public link.
 */
import type { SurveyTarget } from './survey-api'

const TOKEN = /^[A-Za-z0-9._~-]{10,2000}$/

/** @example targetOf('/s/p/abc123defg') // { kind: 'public', token: 'abc123defg' } */
export function targetOf(pathname: string): SurveyTarget | undefined {
  const parts = pathname.replace(/^\/s\/?/, '').split('/').filter(Boolean).map((p) => { try { return decodeURIComponent(p) } catch { return '' } })
  if (parts.length === 2 && parts[0] === 'p' && TOKEN.test(parts[1]!)) return { kind: 'public', token: parts[1]! }
  if (parts.length === 1 && TOKEN.test(parts[0]!)) return { kind: 'link', token: parts[0]! }
  return undefined
}
