/**
 * @module
 * Moves a config between its JSON shape and the settings form's values: what the form starts
 * with (the config, else each field's default), the whole object Save sends, and which form
 * field a server issue's path (`caps.perDay`) belongs to.
 */
import type { ConfigField } from './config-form-fields'

type Values = Record<string, unknown>

const asObject = (value: unknown): Values => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Values) : {})

/**
 * The form's initial values: each field's value in `config`, else its default. JSON fields hold
 * their value as indented JSON text.
 * @example formValuesOf(fields, { thresholdMinor: 5 }) // { thresholdMinor: 5 }
 */
export const formValuesOf = (fields: readonly ConfigField[], config: unknown): Values => {
  const source = asObject(config)
  const values: Values = {}
  for (const field of fields) {
    const value = field.key in source ? source[field.key] : field.defaultValue
    if (field.kind === 'object') values[field.key] = formValuesOf(field.fields, value)
    else if (field.kind === 'json') values[field.key] = value === undefined ? '' : JSON.stringify(value, null, 2)
    else if (value !== undefined) values[field.key] = value
  }
  return values
}

const isEmpty = (value: unknown): boolean => value === undefined || value === null || value === ''

/**
 * The config object Save sends: the form's values over `base` (keys the form does not show are
 * kept). An empty optional field is left out, so the server applies its default.
 * @throws SyntaxError when a JSON field does not parse (the form's rule reports it first)
 * @example configOf(fields, { thresholdMinor: 5 }, {}) // { thresholdMinor: 5 }
 */
export const configOf = (fields: readonly ConfigField[], values: unknown, base: unknown = {}): Values => {
  const source = asObject(values)
  const config: Values = { ...asObject(base) }
  for (const field of fields) {
    const value = source[field.key]
    if (field.kind === 'object') {
      config[field.key] = configOf(field.fields, value, asObject(base)[field.key])
    } else if (isEmpty(value) && !(field.required && field.kind === 'string')) {
      delete config[field.key]
    } else {
      config[field.key] =
        field.kind === 'json'
          ? JSON.parse(String(value))
          : field.kind === 'tags' && field.numeric && Array.isArray(value)
            ? value.map(Number) // typed tags arrive as text
            : value
    }
  }
  return config
}

/**
 * The fields that have a control, fieldsets flattened away.
 * @example leafFields(fields).map((f) => f.name) // [['thresholdMinor'], ['caps', 'perDay']]
 */
export const leafFields = (fields: readonly ConfigField[]): ConfigField[] =>
  fields.flatMap((field) => (field.kind === 'object' ? leafFields(field.fields) : [field]))

/**
 * The form field a server issue's dotted path points at: the deepest field whose path starts it
 * (`categoryMultipliers.tea` lands on the `categoryMultipliers` JSON field); undefined when none
 * (an issue about the whole config or a whole fieldset).
 * @example fieldNameOfIssue(fields, 'caps.perDay') // ['caps', 'perDay']
 */
export const fieldNameOfIssue = (fields: readonly ConfigField[], path: string): string[] | undefined => {
  const parts = path === '' ? [] : path.split('.')
  let best: string[] | undefined
  for (const field of leafFields(fields)) {
    const matches = field.name.length <= parts.length && field.name.every((part, i) => parts[i] === part)
    if (matches && (!best || field.name.length > best.length)) best = field.name
  }
  return best
}
