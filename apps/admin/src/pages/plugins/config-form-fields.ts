/**
 * @module
 * Maps a plugin's config JSON Schema (draft 2020-12, as zod writes it) to the fields of the
 * settings form, with the labels, help and value names the plugin declared in en and zh-CN. Shapes the form has no control for (records, arrays of objects, tuples, unions)
 * become `json` fields, edited as JSON text, so every config stays editable.
 */

/** A text in both first-class languages, as a plugin's config metadata gives it. */
export type Labels = { en: string; 'zh-CN': string }

/** What every form field has. */
type FieldBase = {
  /** Property name. */
  key: string
  /** Path of the field in the config and in the form: `['caps', 'perDay']`. */
  name: string[]
  /** The schema's `title`, else the property name: shown only when the plugin gave no `labels`. */
  label: string
  /** The field's name in en and zh-CN (the SDK's `configText`, zod metadata `label`). */
  labels?: Labels
  /** The line under the field in en and zh-CN (metadata `help`); `description` when absent. */
  help?: Labels
  /** Names of an enum's (or a list's) values in en and zh-CN (metadata `valueLabels`). */
  valueLabels?: Record<string, Labels>
  description?: string
  /** Listed in the parent's `required`. */
  required: boolean
  /** The schema's `default`, when it has one. */
  defaultValue?: unknown
}

/** Inclusive and exclusive bounds of a number. */
export type NumberBounds = { min?: number; max?: number; exclusiveMin?: number; exclusiveMax?: number }

/** One field of the settings form. */
export type ConfigField = FieldBase &
  (
    | ({ kind: 'number'; integer: boolean } & NumberBounds)
    | { kind: 'boolean' }
    | { kind: 'string'; minLength?: number; maxLength?: number }
    | { kind: 'enum'; options: Array<string | number> }
    | { kind: 'tags'; options?: Array<string | number>; numeric?: true }
    | { kind: 'object'; fields: ConfigField[] }
    | { kind: 'json' }
  )

/** A JSON Schema node, as loosely as the server sends it. */
type Schema = Record<string, unknown>

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value)
const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined)
const isLabels = (value: unknown): value is Labels => isSchema(value) && typeof value.en === 'string' && typeof value['zh-CN'] === 'string'
const labelsByValue = (value: unknown): Record<string, Labels> | undefined =>
  isSchema(value) ? (Object.fromEntries(Object.entries(value).filter(([, v]) => isLabels(v))) as Record<string, Labels>) : undefined
const primitiveTypes = new Set(['string', 'number', 'integer', 'boolean'])

const boundsOf = (schema: Schema): NumberBounds => {
  const bounds: NumberBounds = {}
  const entries: Array<[keyof NumberBounds, number | undefined]> = [
    ['min', num(schema.minimum)],
    ['max', num(schema.maximum)],
    ['exclusiveMin', num(schema.exclusiveMinimum)],
    ['exclusiveMax', num(schema.exclusiveMaximum)],
  ]
  for (const [key, value] of entries) if (value !== undefined) bounds[key] = value
  return bounds
}

const enumOf = (schema: Schema): Array<string | number> | undefined =>
  Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === 'string' || typeof v === 'number')
    ? (schema.enum as Array<string | number>)
    : undefined

/** A field without its base, kind by kind; an object still holds its raw properties. */
type Kind =
  | (ConfigField extends infer F ? (F extends unknown ? Omit<F, keyof FieldBase> : never) : never)
  | { kind: 'object'; properties: Schema; requiredKeys: string[] }

const kindOf = (schema: Schema): Kind => {
  const options = enumOf(schema)
  if (options) return { kind: 'enum', options }
  switch (schema.type) {
    case 'integer':
    case 'number':
      return { kind: 'number', integer: schema.type === 'integer', ...boundsOf(schema) }
    case 'boolean':
      return { kind: 'boolean' }
    case 'string': {
      const minLength = num(schema.minLength)
      const maxLength = num(schema.maxLength)
      return { kind: 'string', ...(minLength !== undefined && { minLength }), ...(maxLength !== undefined && { maxLength }) }
    }
    case 'object':
      if (isSchema(schema.properties) && !isSchema(schema.additionalProperties)) {
        const requiredKeys = Array.isArray(schema.required) ? schema.required.filter((k): k is string => typeof k === 'string') : []
        return { kind: 'object', properties: schema.properties, requiredKeys }
      }
      return { kind: 'json' }
    case 'array': {
      const items = schema.items
      if (isSchema(items) && !('prefixItems' in schema) && primitiveTypes.has(String(items.type ?? (enumOf(items) ? 'string' : '')))) {
        const itemOptions = enumOf(items)
        const numeric = items.type === 'number' || items.type === 'integer'
        return { kind: 'tags', ...(itemOptions && { options: itemOptions }), ...(numeric && { numeric: true as const }) }
      }
      return { kind: 'json' }
    }
    default:
      return { kind: 'json' }
  }
}

/**
 * The form fields of an object schema's properties, in the schema's order.
 * @param schema the plugin's `configSchema` (or a nested object schema)
 * @param parent path of the object the properties belong to
 * @example configFormFields({ type: 'object', properties: { n: { type: 'integer', minimum: 1 } } })
 * // [{ kind: 'number', integer: true, min: 1, key: 'n', name: ['n'], label: 'n', required: false }]
 */
export const configFormFields = (schema: unknown, parent: string[] = []): ConfigField[] => {
  if (!isSchema(schema) || !isSchema(schema.properties)) return []
  const required = new Set(Array.isArray(schema.required) ? schema.required : [])
  return Object.entries(schema.properties).flatMap(([key, child]): ConfigField[] => {
    if (!isSchema(child)) return []
    const name = [...parent, key]
    const base: FieldBase = {
      key,
      name,
      label: typeof child.title === 'string' ? child.title : key,
      ...(isLabels(child.label) && { labels: child.label }),
      ...(isLabels(child.help) && { help: child.help }),
      ...(labelsByValue(child.valueLabels) && { valueLabels: labelsByValue(child.valueLabels) }),
      required: required.has(key),
      ...(typeof child.description === 'string' && { description: child.description }),
      ...('default' in child && { defaultValue: child.default }),
    }
    const kind = kindOf(child)
    if (kind.kind === 'object' && 'properties' in kind) {
      return [{ ...base, kind: 'object', fields: configFormFields({ properties: kind.properties, required: kind.requiredKeys }, name) }]
    }
    return [{ ...base, ...kind } as ConfigField]
  })
}
