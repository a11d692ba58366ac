/**
 * @module
 * `rapport <plugin or namespace> <command> [args]`: boots the plugin host on the configured
 * database and runs a command the plugin declares in `commands` (e.g. `rapport points verify`).
 */
import { createPluginHost, listPluginCommands, runPluginCommand, type CommandListing } from '@rapport/core'
import type { ApiConfig } from '../config.js'
import { installedPlugins } from '../installed-plugins.js'
import { withServices } from './db-commands.js'

/** The installed plugins' commands, for the usage text and dispatch. */
export const pluginCommands: readonly CommandListing[] = listPluginCommands(installedPlugins)

/** True when `word` names a plugin (by namespace or name) that offers commands. @example isPluginTarget('points') */
export const isPluginTarget = (word: string): boolean => pluginCommands.some((c) => c.namespace === word || c.plugin === word)

/** The usage lines of the plugin commands. @example process.stdout.write(pluginUsage()) */
export const pluginUsage = (): string =>
  pluginCommands.map((c) => `  ${`${c.namespace} ${c.command}`.padEnd(31)}${c.summary} (plugin ${c.plugin})\n`).join('')

/** @returns the command's exit code @example await pluginCommand(config, 'points', ['verify']) */
export async function pluginCommand(config: ApiConfig, target: string, [command, ...args]: string[]): Promise<number> {
  if (!command) {
    process.stderr.write(`Usage: rapport ${target} <command>\n\n${pluginUsage()}`)
    return 1
  }
  return withServices(config, async (s) => {
    const host = createPluginHost(s, installedPlugins)
    await host.start()
    return runPluginCommand(host, target, command, { args, print: (line) => { process.stdout.write(`${line}\n`) } })
  })
}
