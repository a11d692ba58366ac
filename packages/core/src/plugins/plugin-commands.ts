/**
 * @module
 * Runs a command a plugin declares in `commands` (`rapport points verify`), with the `ctx` of the
 * plugin as the booted host holds it. The target is the plugin's name or namespace.
 */
import type { CommandIo, PluginDefinition } from './contract.js'
import { pluginErrors } from './plugin-errors.js'
import type { PluginHost } from './plugin-host.js'

/** A command as `rapport --help` lists it. */
export type CommandListing = { plugin: string; namespace: string; command: string; summary: string }

/**
 * Every command of the installed plugins; needs no database (the CLI's help prints it).
 * @example for (const c of listPluginCommands(installedPlugins)) console.log(`${c.namespace} ${c.command}  ${c.summary}`)
 */
export function listPluginCommands(plugins: readonly PluginDefinition[]): CommandListing[] {
  return plugins.flatMap((def) => Object.entries(def.commands ?? {}).map(([command, { summary }]) => ({ plugin: def.name, namespace: def.namespace, command, summary })))
}

/**
 * @returns the exit code the command returned
 * @throws PLUGIN_NOT_FOUND, PLUGIN_NOT_ACTIVE, PLUGIN_COMMAND_NOT_FOUND
 * @example const code = await runPluginCommand(host, 'points', 'verify', { args: [], print: console.log })
 */
export async function runPluginCommand(host: PluginHost, target: string, command: string, io: CommandIo): Promise<number> {
  const def = host.definitions().find((d) => d.name === target || d.namespace === target)
  if (!def) throw pluginErrors.NOT_FOUND({ plugin: target })
  const active = host.runtime.active().find((p) => p.definition.name === def.name)
  if (!active) throw pluginErrors.NOT_ACTIVE({ plugin: def.name, state: host.status(def.name).state })
  const found = Object.hasOwn(def.commands ?? {}, command) ? def.commands![command] : undefined
  if (!found) throw pluginErrors.COMMAND_NOT_FOUND({ plugin: def.name, command })
  return found.run(active.context, io)
}
