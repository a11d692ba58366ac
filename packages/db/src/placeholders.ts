/**
 * @module
 * SQL is written once with `?` placeholders (SQLite style); PostgreSQL wants `$1..$n`.
 */

const cache = new Map<string, string>()
const CACHE_LIMIT = 500

/**
 * Rewrites `?` placeholders to `$1..$n`, leaving `?` inside quoted strings, quoted identifiers
 * and `--` comments alone. Results are cached: the same SQL strings come back on every request.
 * @param sql - SQL with `?` placeholders
 * @example
 * toPgPlaceholders("SELECT * FROM t WHERE a = ? AND b = '?' AND c = ?") // "SELECT * FROM t WHERE a = $1 AND b = '?' AND c = $2"
 */
export function toPgPlaceholders(sql: string): string {
  const hit = cache.get(sql)
  if (hit !== undefined) return hit
  const out = rewrite(sql)
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string)
  cache.set(sql, out)
  return out
}

function rewrite(sql: string): string {
  if (!sql.includes('?')) return sql
  let out = ''
  let n = 0
  let i = 0
  while (i < sql.length) {
    const ch = sql[i] as string
    if (ch === "'" || ch === '"') {
      // A doubled quote ('' or "") is an escaped quote inside the literal, so keep scanning.
      let j = i + 1
      while (j < sql.length && !(sql[j] === ch && sql[j + 1] !== ch)) j += sql[j] === ch ? 2 : 1
      out += sql.slice(i, j + 1)
      i = j + 1
    } else if (ch === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i)
      const stop = end === -1 ? sql.length : end
      out += sql.slice(i, stop)
      i = stop
    } else {
      out += ch === '?' ? `$${++n}` : ch
      i += 1
    }
  }
  return out
}
