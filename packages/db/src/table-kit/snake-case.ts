/**
 * @module
 * Table-kit keys are camelCase (TypeScript side); columns are snake_case (SQL side).
 */

/**
 * Converts a camelCase key to its snake_case column name; acronyms stay one word.
 * @param key - a camelCase property name
 * @example
 * snakeCase('externalId') // 'external_id'
 * snakeCase('userID') // 'user_id'
 */
export function snakeCase(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
}
