/**
 * @module
 * The compact form of recorded profile changes: one row per write of one plugin for one customer
 * (an event's rules of that plugin, or one `ctx.profile.apply`), its changes packed in one JSON
 * array, from which the explain API answers everything the old one-row-per-change table did.
 *
 * Written since migration 0016 (issue 19: names, ops and absent values no longer repeated):
 * `[namespace, group, …]`, each group `[sourceId, version, change, …]` for a rule or
 * `[sourceId, change, …]` for plugin code (a group's second item is a number only for a rule),
 * each change `[name + opMark, operand, previous, next]` where the op mark is nothing for `set`,
 * `+` add, `>` max, `<` min, `-` unset; `next` is there only when it is not what the op computes
 * from `previous` and `operand`, and without it trailing nulls are left out. Field names are
 * `[a-zA-Z0-9]` (validate-definition.ts), so the marks cannot be part of a name.
 *
 * Rows of migration 0014's form are still read (nothing rewrites them): each group
 * `[kind, sourceId, version, change, …]` with kind `r` or `p`, each change
 * `[name, op, operand, previous]` or `[name, op, operand, previous, next]`. A group's second item
 * is a string only in that form.
 *
 * Since migration 0022 a value that is an ISO-8601 UTC time as `Date#toISOString` writes it
 * (date fields, 26 characters quoted) is written as `[seconds since 1970]` (12): profile values
 * are never arrays, so `[n]` is always such a time.
 *
 * In both, `name` is the field without its namespace (rows converted by migration 0014 keep the
 * full field name: a name holding a dot is full). Absent values are `null`, as profile values
 * never are.
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

type OldGroup = [kind: 'r' | 'p', id: string, version: number | null, ...changes: unknown[][]]
type Group = [id: string, ...rest: unknown[]]

const MARK: Record<ProfileOp, string> = { set: '', add: '+', max: '>', min: '<', unset: '-' }
const OP_OF_MARK: Record<string, ProfileOp> = { '+': 'add', '>': 'max', '<': 'min', '-': 'unset' }

/** What `op` makes of `previous` and `operand`, as {@link nextValue} computed it when the value fit. */
function impliedNext(op: ProfileOp, operand: ProfileValue, previous: ProfileValue): ProfileValue {
  if (op === 'set') return operand
  if (op === 'unset' || typeof operand !== 'number') return null
  const base = typeof previous === 'number' ? previous : null
  if (op === 'add') return (base ?? 0) + operand
  if (base === null) return operand
  return op === 'max' ? Math.max(base, operand) : Math.min(base, operand)
}

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/

/** A value as written: a time as `[seconds]` when it reads back as the same text. */
function packValue(v: ProfileValue): unknown {
  if (typeof v !== 'string' || !ISO_TIME.test(v)) return v
  const ms = Date.parse(v)
  return Number.isFinite(ms) && Math.abs(ms) < 8.64e15 && new Date(ms).toISOString() === v ? [ms / 1000] : v
}

/** A value as read: `[seconds]` back to its ISO text. */
const unpackValue = (v: unknown): ProfileValue =>
  (Array.isArray(v) ? new Date(Math.round((v[0] as number) * 1000)).toISOString() : (v as ProfileValue))

const sameSource = (a: ProfileChangeSource, b: ProfileChangeSource) =>
  a.kind === b.kind && a.id === b.id && (a.kind === 'rule' ? a.version : null) === (b.kind === 'rule' ? b.version : null)

/**
 * Packs one plugin's changes (all of one namespace), in order, as the JSON text of a row.
 * @example packChanges([{ field: 'points.balance', op: 'add', operand: 5, previous: 10, next: 15, source: { kind: 'plugin', id: 'earn' } }])
 * // '["points",["earn",["balance+",5,10]]]'
 */
export function packChanges(changes: readonly PackedChange[]): string {
  const first = changes[0]?.field ?? ''
  const namespace = first.slice(0, first.indexOf('.'))
  const packed: unknown[] = [namespace]
  let group: Group | undefined
  let groupSource: ProfileChangeSource | undefined
  for (const c of changes) {
    if (!group || !groupSource || !sameSource(groupSource, c.source)) {
      group = c.source.kind === 'rule' ? [c.source.id, c.source.version] : [c.source.id]
      groupSource = c.source
      packed.push(group)
    }
    const rest = c.field.slice(namespace.length + 1)
    const name = c.field.startsWith(`${namespace}.`) && !rest.includes('.') ? rest : c.field
    const change: unknown[] = [name + MARK[c.op], packValue(c.operand), packValue(c.previous)]
    if (impliedNext(c.op, c.operand, c.previous) !== c.next) change.push(packValue(c.next))
    else while (change.length > 1 && change[change.length - 1] === null) change.pop()
    group.push(change)
  }
  return JSON.stringify(packed)
}

type OldChange = [string, ProfileOp, ProfileValue, ProfileValue, ...ProfileValue[]]
type NewChange = [string, unknown?, unknown?, unknown?]

/**
 * The changes of a row (either form), in the order they were made.
 * @example unpackChanges('["points",["earn",["balance+",5,10]]]')[0]?.next // 15
 */
export function unpackChanges(text: string): UnpackedChange[] {
  const [namespace, ...groups] = JSON.parse(text) as [string, ...Group[]]
  const fieldOf = (name: string) => (name.includes('.') ? name : `${namespace}.${name}`)
  const out: UnpackedChange[] = []
  for (const group of groups) {
    if (typeof group[1] === 'string') {
      const [kind, id, version, ...changes] = group as unknown as OldGroup
      const source = { kind: kind === 'r' ? ('rule' as const) : ('plugin' as const), id, version }
      for (const [name, op, operand, previous, ...next] of changes as OldChange[]) {
        out.push({ field: fieldOf(name), op, operand, previous, next: next.length > 0 ? next[0]! : impliedNext(op, operand, previous), source })
      }
      continue
    }
    const rule = typeof group[1] === 'number'
    const source = rule ? { kind: 'rule' as const, id: group[0], version: group[1] as number } : { kind: 'plugin' as const, id: group[0], version: null }
    for (const [marked, packedOperand = null, packedPrevious = null, ...next] of group.slice(rule ? 2 : 1) as NewChange[]) {
      const op = OP_OF_MARK[marked[marked.length - 1]!]
      const name = op ? marked.slice(0, -1) : marked
      const realOp = op ?? 'set'
      const [operand, previous] = [unpackValue(packedOperand), unpackValue(packedPrevious)]
      out.push({ field: fieldOf(name), op: realOp, operand, previous, next: next.length > 0 ? unpackValue(next[0]) : impliedNext(realOp, operand, previous), source })
    }
  }
  return out
}
