/**
 * @module
 * The compact form of recorded profile changes (migration 0014): one row per write of one plugin
 * for one customer (an event's rules of that plugin, or one `ctx.profile.apply`), its changes
 * packed in one JSON array. Twelve rows of thirteen columns per order became two or three rows,
 * and the explain API still answers everything it did:
 *
 * `[namespace, group, …]`, each group `[kind, sourceId, version, change, …]` with kind `r`
 * (rule) or `p` (plugin code), each change `[name, op, operand, previous]` or, when `next` is
 * not what `op` computes from `previous` and `operand`, `[name, op, operand, previous, next]`.
 * `name` is the field without its namespace (rows converted by the migration keep the full field
 * name: a name holding a dot is full). Absent values are `null`, as profile values never are.
 */
import type { ProfileValue } from '../plugins/contract.js'
import type { ProfileOp } from './next-value.js'
import type { ProfileChangeSource } from './plan-changes.js'

/** One change as written or read: values are null when absent. */
export type PackedChange = {
  field: string
  op: ProfileOp
  operand: ProfileValue
  previous: ProfileValue
  next: ProfileValue
  source: ProfileChangeSource
}

/** One change as read back: the source with its version, null for plugin code. */
export type UnpackedChange = Omit<PackedChange, 'source'> & { source: { kind: 'rule' | 'plugin'; id: string; version: number | null } }

/**
 * Most changes one row holds. A change is addressed as `rowSeq * CHANGES_PER_ROW + index` (the
 * explain API's cursor), so a row never holds more.
 * @example const key = row.seq * CHANGES_PER_ROW + i
 */
export const CHANGES_PER_ROW = 1024

type Group = [kind: 'r' | 'p', id: string, version: number | null, ...changes: unknown[][]]

/** What `op` makes of `previous` and `operand`, as {@link nextValue} computed it when the value fit. */
function impliedNext(op: ProfileOp, operand: ProfileValue, previous: ProfileValue): ProfileValue {
  if (op === 'set') return operand
  if (op === 'unset' || typeof operand !== 'number') return null
  const base = typeof previous === 'number' ? previous : null
  if (op === 'add') return (base ?? 0) + operand
  if (base === null) return operand
  return op === 'max' ? Math.max(base, operand) : Math.min(base, operand)
}

const sameSource = (a: ProfileChangeSource, b: ProfileChangeSource) =>
  a.kind === b.kind && a.id === b.id && (a.kind === 'rule' ? a.version : null) === (b.kind === 'rule' ? b.version : null)

/**
 * Packs one plugin's changes (all of one namespace), in order, as the JSON text of a row.
 * @example packChanges([{ field: 'points.balance', op: 'add', operand: 5, previous: 10, next: 15, source: { kind: 'plugin', id: 'earn' } }])
 * // '["points",["p","earn",null,["balance","add",5,10]]]'
 */
export function packChanges(changes: readonly PackedChange[]): string {
  const first = changes[0]?.field ?? ''
  const namespace = first.slice(0, first.indexOf('.'))
  const packed: unknown[] = [namespace]
  let group: Group | undefined
  let groupSource: ProfileChangeSource | undefined
  for (const c of changes) {
    if (!group || !groupSource || !sameSource(groupSource, c.source)) {
      group = [c.source.kind === 'rule' ? 'r' : 'p', c.source.id, c.source.kind === 'rule' ? c.source.version : null]
      groupSource = c.source
      packed.push(group)
    }
    const rest = c.field.slice(namespace.length + 1)
    const name = c.field.startsWith(`${namespace}.`) && !rest.includes('.') ? rest : c.field
    const change: unknown[] = [name, c.op, c.operand, c.previous]
    if (impliedNext(c.op, c.operand, c.previous) !== c.next) change.push(c.next)
    group.push(change)
  }
  return JSON.stringify(packed)
}

/**
 * The changes of a row, in the order they were made.
 * @example unpackChanges('["points",["p","earn",null,["balance","add",5,10]]]')[0]?.next // 15
 */
export function unpackChanges(text: string): UnpackedChange[] {
  const [namespace, ...groups] = JSON.parse(text) as [string, ...Group[]]
  const out: UnpackedChange[] = []
  for (const [kind, id, version, ...changes] of groups) {
    const source = { kind: kind === 'r' ? ('rule' as const) : ('plugin' as const), id, version }
    for (const [name, op, operand, previous, ...next] of changes as [string, ProfileOp, ProfileValue, ProfileValue, ...ProfileValue[]][]) {
      const field = name.includes('.') ? name : `${namespace}.${name}`
      out.push({ field, op, operand, previous, next: next.length > 0 ? next[0]! : impliedNext(op, operand, previous), source })
    }
  }
  return out
}
