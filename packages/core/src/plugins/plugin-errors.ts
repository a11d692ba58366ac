/**
 * @module
 * The plugin host's errors. Definition and boot errors name the plugin, what it wanted and
 * what it found; runtime management errors are the admin's 4xx.
 */
import { defineErrors, registerErrors } from '../errors/rapport-error.js'

type Plugin = { plugin: string }

/** Errors about one plugin (definition, boot, management, misuse of the context). */
export const pluginErrors = defineErrors('PLUGIN', {
  NAME_INVALID: { status: 500, message: (d: Plugin & { pattern: string }) => `Plugin name "${d.plugin}" must match ${d.pattern}` },
  NAMESPACE_INVALID: { status: 500, message: (d: Plugin & { namespace: string; pattern: string }) => `Plugin ${d.plugin}: namespace "${d.namespace}" must match ${d.pattern} and not be reserved` },
  VERSION_INVALID: { status: 500, message: (d: Plugin & { version: string }) => `Plugin ${d.plugin}: version "${d.version}" is not semver` },
  DUPLICATE_NAME: { status: 500, message: (d: Plugin) => `Two plugins are named ${d.plugin}` },
  DUPLICATE_NAMESPACE: { status: 500, message: (d: Plugin & { namespace: string; other: string }) => `Plugin ${d.plugin} uses namespace ${d.namespace}, already used by ${d.other}` },
  HOST_RANGE: { status: 500, message: (d: Plugin & { wants: string; running: string }) => `Plugin ${d.plugin} wants host ${d.wants}, this host is ${d.running}` },
  LOAD_FAILED: { status: 500, message: (d: Plugin & { module: string; reason: string }) => `Plugin module ${d.module} could not be loaded: ${d.reason}` },
  REQUIRES_MISSING: { status: 500, message: (d: Plugin & { requires: string; wants: string }) => `Plugin ${d.plugin} requires ${d.requires} ${d.wants}, which is not installed` },
  REQUIRES_RANGE: { status: 500, message: (d: Plugin & { requires: string; wants: string; found: string }) => `Plugin ${d.plugin} requires ${d.requires} ${d.wants}, found ${d.found}` },
  REQUIRES_INACTIVE: { status: 500, message: (d: Plugin & { requires: string; state: string }) => `Plugin ${d.plugin} requires ${d.requires}, which is ${d.state}` },
  DEPENDENCY_CYCLE: { status: 500, message: (d: Plugin & { cycle: string[] }) => `Plugin ${d.plugin} is in a dependency cycle: ${d.cycle.join(' -> ')}` },
  DEFINITION_INVALID: { status: 500, message: (d: Plugin & { problem: string }) => `Plugin ${d.plugin}: ${d.problem}` },
  EVENT_OWNED: { status: 500, message: (d: Plugin & { type: string; owner: string }) => `Plugin ${d.plugin} declares event ${d.type}, owned by ${d.owner}` },
  ROUTE_POLICY_MISSING: { status: 500, message: (d: Plugin & { route: string }) => `Plugin ${d.plugin}: route ${d.route} declares no access policy` },
  SETUP_FAILED: { status: 500, message: (d: Plugin & { reason: string }) => `Plugin ${d.plugin} failed in setup: ${d.reason}` },
  SETUP_TIMEOUT: { status: 500, message: (d: Plugin & { ms: number }) => `Plugin ${d.plugin} did not finish setup within ${d.ms} ms` },
  MIGRATION_FAILED: { status: 500, message: (d: Plugin & { reason: string }) => `Plugin ${d.plugin}: migration failed: ${d.reason}` },
  EXTENSION_FOREIGN: { status: 500, message: (d: Plugin & { id: string }) => `Plugin ${d.plugin} provides extension point ${d.id}, which it does not declare` },
  EXTENSION_UNDECLARED: { status: 500, message: (d: Plugin & { id: string; owner: string }) => `Plugin ${d.plugin} uses extension point ${d.id} of ${d.owner}, which is in neither its requires nor its optional` },
  EVENT_UNDECLARED: { status: 500, message: (d: Plugin & { type: string; owner: string }) => `Plugin ${d.plugin} listens to ${d.type} of ${d.owner}, which is in neither its requires nor its optional` },
  EVENT_NOT_OWNED: { status: 500, message: (d: Plugin & { type: string }) => `Plugin ${d.plugin} emitted ${d.type}, an event type it does not own` },
  NOT_FOUND: { status: 404, message: (d: Plugin) => `No plugin ${d.plugin} is installed` },
  NOT_ACTIVE: { status: 404, message: (d: Plugin & { state: string }) => `Plugin ${d.plugin} is ${d.state}` },
  COMMAND_NOT_FOUND: { status: 404, message: (d: Plugin & { command: string }) => `Plugin ${d.plugin} has no command ${d.command}` },
  CONFIG_INVALID: { status: 422, message: (d: Plugin & { issues: Array<{ path: string; message: string }> }) => `Invalid config for ${d.plugin}: ${d.issues.map((i) => `${i.path || '(config)'} ${i.message}`).join('; ')}` },
  REQUIRED_BY: { status: 409, message: (d: Plugin & { requiredBy: string[] }) => `Plugin ${d.plugin} is required by ${d.requiredBy.join(', ')}` },
  ENABLE_FAILED: { status: 409, message: (d: Plugin & { error: { code: string; message: string } }) => `Plugin ${d.plugin} could not be enabled: ${d.error.message}` },
  QUARANTINED: { status: 503, message: (d: Plugin & { failures: number; windowMinutes: number; at: string }) => `Plugin ${d.plugin} was stopped at ${d.at} after failing on ${d.failures} events within ${d.windowMinutes} minutes; enable it again once fixed` },
})

/** Errors of the host as a whole. */
export const hostErrors = defineErrors('HOST', {
  BOOT_FAILED: { status: 500, message: (d: { failures: Array<{ plugin: string; code: string; message: string }> }) => `Boot stopped: required plugins failed: ${d.failures.map((f) => `${f.plugin} (${f.code})`).join(', ')}` },
})

registerErrors('PLUGIN', pluginErrors)
registerErrors('HOST', hostErrors)
