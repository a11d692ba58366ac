/**
 * @module
 * Orders plugins so that each boots after the plugins it requires or optionally uses.
 */
import type { PluginDefinition } from './contract.js'

/**
 * A stable topological order (ties keep the given order) plus the plugins caught in cycles.
 * @example const { order, cycles } = bootOrder(definitions)
 */
export function bootOrder(defs: readonly PluginDefinition[]): { order: PluginDefinition[]; cycles: Map<string, string[]> } {
  const byName = new Map(defs.map((d) => [d.name, d]))
  const order: PluginDefinition[] = []
  const cycles = new Map<string, string[]>()
  const state = new Map<string, 'visiting' | 'done'>()

  const visit = (def: PluginDefinition, path: string[]): void => {
    const seen = state.get(def.name)
    if (seen === 'done') return
    if (seen === 'visiting') {
      const cycle = [...path.slice(path.indexOf(def.name)), def.name]
      for (const name of cycle) cycles.set(name, cycle)
      return
    }
    state.set(def.name, 'visiting')
    for (const dep of Object.keys({ ...def.requires, ...def.optional })) {
      const target = byName.get(dep)
      if (target) visit(target, [...path, def.name])
    }
    state.set(def.name, 'done')
    order.push(def)
  }
  for (const def of defs) visit(def, [])
  return { order, cycles }
}
