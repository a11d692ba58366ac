/**
 * @module
 * A segment as the builder edits it: groups and conditions with row keys, operators offered per
 * field kind, and the conversion to the API's definition (incomplete conditions left out).
 */
import type { SegmentCondition, SegmentDefinition, SegmentOp } from '../../api/segments'
import type { PluginProfileField } from '../../api/types'

/** A condition being edited; `value` is what the row's editor holds. */
export type DraftCondition = { key: number; field: string; op: SegmentOp; value: SegmentCondition['value'] }
/** A group being edited. */
export type DraftGroup = { key: number; match: 'all' | 'any'; conditions: DraftCondition[] }
/** A whole definition being edited. */
export type Draft = { match: 'all' | 'any'; groups: DraftGroup[] }

let lastKey = 0
const nextKey = () => ++lastKey

/** Operators offered per field kind, the first being the default. */
export const operatorsFor = (kind: string): readonly SegmentOp[] =>
  kind === 'enum' ? ['in', 'eq', 'ne', 'exists']
    : kind === 'boolean' ? ['eq', 'exists']
      : kind === 'string' ? ['eq', 'ne', 'in', 'exists']
        : ['gte', 'lte', 'gt', 'lt', 'eq', 'ne', 'exists']

/** The value a fresh condition starts with for this operator. */
export const initialValue = (field: PluginProfileField | undefined, op: SegmentOp): SegmentCondition['value'] =>
  op === 'exists' ? true : op === 'in' ? [] : field?.kind === 'boolean' ? true : field?.kind === 'enum' ? field.values?.[0] : undefined

/** A new condition on `field` with its kind's first operator. */
export const conditionOn = (field: PluginProfileField): DraftCondition => {
  const op = operatorsFor(field.kind)[0]!
  return { key: nextKey(), field: field.field, op, value: initialValue(field, op) }
}

/** A new group holding one condition on `field`. */
export const groupOn = (field: PluginProfileField): DraftGroup => ({ key: nextKey(), match: 'all', conditions: [conditionOn(field)] })

/** Whether a condition has what its operator needs. */
export const isComplete = (c: DraftCondition): boolean =>
  c.op === 'exists' || (Array.isArray(c.value) ? c.value.length > 0 : c.value !== undefined && c.value !== '')

/** The API definition of a draft: incomplete conditions and empty groups left out; undefined when nothing is left. */
export function toDefinition(draft: Draft): SegmentDefinition | undefined {
  const groups = draft.groups
    .map((g) => ({ match: g.match, conditions: g.conditions.filter(isComplete).map(({ field, op, value }) => ({ field, op, ...(value === undefined ? {} : { value }) })) }))
    .filter((g) => g.conditions.length > 0)
  return groups.length ? { match: draft.match, groups } : undefined
}

/** A draft of a saved definition, for editing. */
export const toDraft = (definition: SegmentDefinition): Draft => ({
  match: definition.match,
  groups: definition.groups.map((g) => ({ key: nextKey(), match: g.match, conditions: g.conditions.map((c) => ({ key: nextKey(), ...c, value: c.value })) })),
})

/** Whether every condition of a draft is complete (so saving sends exactly what is shown). */
export const isDraftComplete = (draft: Draft): boolean => draft.groups.length > 0 && draft.groups.every((g) => g.conditions.length > 0 && g.conditions.every(isComplete))
