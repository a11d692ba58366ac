/**
 * @module
 * fast-check arbitraries from the server's OpenAPI 3.1 document: values that follow a JSON
 * Schema (so requests get past validation and reach the handlers), and values that break it
 * (wrong types, missing required keys, unknown keys, out-of-range numbers, odd strings).
 */
import fc from 'fast-check'

export type Schema = Record<string, any>
export type Components = Record<string, Schema>

/** Strings that tend to break parsers, SQL, paths and encodings. */
const nastyString = fc.constantFrom(
  '', ' ', '0', '-1', 'null', 'undefined', 'true', '[]', '{}', "'; DROP TABLE core_customers; --", '" OR 1=1 --', '../../etc/passwd',
  '%00', '\u0000', '\uD800', '😀'.repeat(50), '客户'.repeat(30), 'a'.repeat(5000), '<script>alert(1)</script>', '$' + '{7*7}', '__proto__', 'constructor',
  '2026-02-30', '2026-13-01T25:61:00Z', '9999-12-31T23:59:59.999Z', '1e309', 'NaN', '-0', '0x10', ' 12 ', 'cus_', 'rk_x.y',
)

const anyString = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), nastyString)

/** Any JSON value, including deep-ish and big numbers. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 1e308, -1e308, 0.1, -0, 2147483648, -2147483649) },
  { weight: 1, arbitrary: nastyString },
)

function resolve(schema: Schema, components: Components): Schema {
  let s = schema
  for (let i = 0; i < 10 && s.$ref; i++) s = components[String(s.$ref).replace('#/components/schemas/', '')] ?? {}
  return s
}

/** A value meant to satisfy `schema` (best effort: patterns and refinements may still refuse it). */
export function valid(schema: Schema, components: Components, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, components)
  if (depth > 6) return fc.constant(null)
  if (s.const !== undefined) return fc.constant(s.const)
  if (s.enum) return fc.constantFrom(...(s.enum as unknown[]))
  if (s.anyOf || s.oneOf) return fc.oneof(...(s.anyOf ?? s.oneOf).map((x: Schema) => valid(x, components, depth + 1)))
  if (s.allOf) return valid(Object.assign({}, ...s.allOf.map((x: Schema) => resolve(x, components))), components, depth + 1)
  const type = Array.isArray(s.type) ? s.type : s.type ? [s.type] : []
  if (type.length > 1) return fc.oneof(...type.map((t: string) => valid({ ...s, type: t }, components, depth)))
  switch (type[0]) {
    case 'null': return fc.constant(null)
    case 'boolean': return fc.boolean()
    case 'integer': {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1000)
      const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 100_000)
      return fc.integer({ min: Math.max(Math.ceil(min), -(2 ** 31)), max: Math.min(Math.floor(max), 2 ** 31) })
    }
    case 'number': return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true })
    case 'string': return validString(s)
    case 'array': return fc.array(valid(s.items ?? {}, components, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, (s.minItems ?? 0) + 4) })
    case 'object': case undefined: {
      if (!s.properties) return type[0] === 'object' ? fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }) : anyJson
      const required = new Set<string>(s.required ?? [])
      const entries = Object.entries(s.properties as Record<string, Schema>)
      return fc.record(Object.fromEntries(entries.map(([k, v]) => [k, valid(v, components, depth + 1)])), { requiredKeys: entries.map(([k]) => k).filter((k) => required.has(k)) })
    }
    default: return anyJson
  }
}

function validString(s: Schema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0
  const max = Math.min(s.maxLength ?? 40, Math.max(min, 40))
  switch (s.format) {
    case 'email': return fc.emailAddress().filter((e) => e.length <= (s.maxLength ?? 200))
    case 'date-time': return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString())
    case 'date': return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
    case 'uri': return fc.webUrl()
  }
  if (s.pattern) {
    try { return fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length >= min && x.length <= (s.maxLength ?? 1000)) } catch { /* a pattern JS cannot read: plain strings */ }
  }
  return fc.string({ minLength: min, maxLength: max, unit: fc.oneof(fc.constantFrom('a', 'b', 'z', '1', '-', '_', ' ', '客', 'é'), fc.string({ minLength: 1, maxLength: 1 })) })
}

/** A value that breaks `schema` somewhere (or any JSON at all). */
export function invalid(schema: Schema, components: Components, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, components)
  const wrongType = anyJson
  if (depth > 4 || !s.properties) {
    const type = Array.isArray(s.type) ? s.type[0] : s.type
    const outOfRange = type === 'integer' || type === 'number'
      ? fc.constantFrom((s.minimum ?? 0) - 1, (s.maximum ?? 1e9) + 1, 1.5, Number.MAX_VALUE, -Number.MAX_VALUE)
      : type === 'string' ? fc.oneof(fc.constant('x'.repeat(Math.min((s.maxLength ?? 2000) + 1, 20_001))), nastyString) : wrongType
    return fc.oneof(wrongType, outOfRange)
  }
  const entries = Object.entries(s.properties as Record<string, Schema>)
  const base = valid(s, components, depth) as fc.Arbitrary<Record<string, unknown>>
  return fc.oneof(
    // One field broken.
    fc.tuple(base, fc.constantFrom(...entries.map(([k]) => k)), fc.nat()).chain(([obj, key]) => invalid(entries.find(([k]) => k === key)![1], components, depth + 1).map((bad) => ({ ...obj, [key]: bad }))),
    // A required field dropped.
    fc.tuple(base, fc.constantFrom(...(s.required?.length ? s.required : [entries[0]![0]]))).map(([obj, key]) => { const copy = { ...obj }; delete copy[key as string]; return copy }),
    // An unknown field, or a prototype key.
    fc.tuple(base, fc.constantFrom('zzUnknown', '__proto__', 'constructor', 'id'), anyJson).map(([obj, key, value]) => {
      // defineProperty, so that `__proto__` is an own key that JSON.stringify sends.
      const copy = { ...obj }
      Object.defineProperty(copy, key, { value: value ?? null, enumerable: true, configurable: true, writable: true })
      return copy
    }),
    wrongType,
  )
}

/**
 * Every property name a schema declares, at any depth (through $refs, arrays and unions); keys of
 * free-form maps (`additionalProperties`) are data, not fields, and are left out.
 * @example propertyNames(op.requestBody.content['application/json'].schema, doc.components.schemas)
 */
export function propertyNames(schema: Schema, components: Components, into = new Set<string>(), depth = 0): Set<string> {
  const s = resolve(schema, components)
  if (depth > 8) return into
  for (const [name, child] of Object.entries((s.properties ?? {}) as Record<string, Schema>)) {
    into.add(name)
    propertyNames(child, components, into, depth + 1)
  }
  for (const child of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? []), ...(s.items ? [s.items] : [])]) propertyNames(child, components, into, depth + 1)
  return into
}

/** Either kind, mostly well-formed so the handlers are reached. */
export const validOrInvalid = (schema: Schema, components: Components): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 3, arbitrary: valid(schema, components) }, { weight: 2, arbitrary: invalid(schema, components) })

export { anyString, nastyString }
