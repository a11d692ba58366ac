/**
 * @module
 * The readable case number people quote (`CT-2026-000123`), once the server gives one; read
 * loosely so the pages work with a server from before numbers too.
 */

/** @example caseNumberOf(kase) // 'CT-2026-000123', or undefined */
export const caseNumberOf = (kase: object): string | undefined => {
  const number = (kase as { caseNumber?: unknown }).caseNumber
  return typeof number === 'string' && number ? number : undefined
}
