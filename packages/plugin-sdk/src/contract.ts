/**
 * @module
 * Contract entries: what a plugin offers other plugins (its event payload schemas, its profile
 * fields and its extension points), in a small module without server code that the plugin's
 * package exports as `./contract`. Another plugin imports it instead of copying types; importing it
 * also brings the events, fields and extension points into the importer's {@link EventMap},
 * {@link ProfileFieldMap} and {@link ExtensionPointMap}, so `ctx.on`, `ctx.use` and rules see them typed.
 *
 * @example
 * // plugins/tiering/contract.ts
 * export const contract = defineContract({
 *   name: 'tiering', namespace: 'tiering', events, profile,
 *   extensionPoints: { 'tiering.benefits': extensionPoint<(customerId: string) => Promise<TierBenefits>>('A customer\'s tier benefits') },
 * })
 * declare module '@rapport/plugin-sdk' {
 *   interface EventMap extends ContractEvents<typeof contract> {}
 *   interface ProfileFieldMap extends ContractProfile<typeof contract> {}
 *   interface ExtensionPointMap extends ContractExtensionPoints<typeof contract> {}
 * }
 */
import type { EventType, FieldSpec, ProfileFieldMap, ScoringRule } from '@rapport/core'
import type { z } from 'zod'

/** An extension point's declaration, carrying its implementation's type (which exists only at compile time). */
export type ExtensionPointRef<T> = { description: string; readonly implementation?: T }

/**
 * Declares an extension point with the type of its implementation.
 * @example extensionPoints: { 'points.credit': extensionPoint<PointsCredit>('Credits from other plugins, once per key') }
 */
export const extensionPoint = <T>(description: string): ExtensionPointRef<T> => ({ description })

/** What a contract holds: the parts of a definition other plugins rely on. */
export type PluginContract = {
  name: string
  namespace: string
  eventPrefixes?: readonly string[]
  events?: Record<string, z.ZodType>
  profile?: Record<string, FieldSpec>
  extensionPoints?: Record<string, ExtensionPointRef<unknown>>
}

/**
 * Declares a plugin's contract. Returns it unchanged, with its literal types kept; spread its parts
 * into `definePlugin` so the definition and the contract cannot drift.
 * @example definePlugin({ ...contract, version: '1.0.0', host: '^1', setup })
 */
export function defineContract<const C extends PluginContract>(contract: C): C {
  return contract
}

/** The value type of a profile field declaration (`field.integer` → number, `field.enum([...])` → its values). */
export type FieldValue<F> = F extends { kind: 'enum'; values: readonly (infer V)[] }
  ? V
  : F extends { kind: 'number' | 'integer' } ? number : F extends { kind: 'boolean' } ? boolean : string

/** Payload types by event type of a contract (the schemas' output types). */
export type ContractEvents<C extends PluginContract> = { [K in keyof NonNullable<C['events']>]: z.output<NonNullable<C['events']>[K]> }

/** Value types by namespaced field (`points.balance`) of a contract. */
export type ContractProfile<C extends PluginContract> = {
  [K in keyof NonNullable<C['profile']> & string as `${C['namespace']}.${K}`]: FieldValue<NonNullable<C['profile']>[K]>
}

/** Implementation types by extension point id of a contract. */
export type ContractExtensionPoints<C extends PluginContract> = {
  [K in keyof NonNullable<C['extensionPoints']>]: NonNullable<C['extensionPoints']>[K] extends ExtensionPointRef<infer T> ? T : never
}

/** A change of one field with a value of type `V`: numbers may also add, max and min. */
export type TypedFieldChange<V> = { set: V | null } | { unset: true } | (V extends number ? { add: number } | { max: number } | { min: number } : never)

/** Changes keyed by the fields of `F` (full name → value type), each with its value type. */
export type ChangesOf<F> = { [K in keyof F]?: TypedFieldChange<F[K]> }

/** Changes to any declared field ({@link ProfileFieldMap}) with its value type: what `rule` returns. */
export type KnownProfileChanges = ChangesOf<ProfileFieldMap>

/** A scoring rule whose changes are typed by `F`. */
export type TypedScoringRule<T extends EventType, Cfg, F> = Omit<ScoringRule<T & string, Cfg>, 'apply'> & {
  apply: (...args: Parameters<ScoringRule<T & string, Cfg>['apply']>) => ChangesOf<F>
}
