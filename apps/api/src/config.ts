/**
 * @module
 * Settings from the environment: PORT, HOST, DATABASE_URL, RAPPORT_SECRET, RAPPORT_TIME_ZONE,
 * RAPPORT_DEMO, RAPPORT_TRUSTED_ORIGINS, RAPPORT_SECURE_COOKIES, LOG_LEVEL, RAPPORT_PLUGINS,
 * RAPPORT_PLUGIN_FAILURE_LIMIT, RAPPORT_PLUGIN_FAILURE_WINDOW_MINUTES; and from the config file
 * (RAPPORT_CONFIG, default ./rapport.config.json when present): `plugins`. A missing secret is generated once and kept
 * beside the data so encrypted fields stay readable after a restart.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { dirname, resolve } from 'node:path'
import { createRequire } from 'node:module'

const { version } = createRequire(import.meta.url)('../package.json') as { version: string }

/** Everything the process needs to start. */
export type ApiConfig = {
  port: number
  host: string
  databaseUrl: string
  secret: string
  timeZone: string
  demo: boolean
  trustedOrigins: string[]
  /**
   * Marks the session cookie `Secure` (RAPPORT_SECURE_COOKIES=1 or 0). Unset: secure when a trusted
   * origin is https (a TLS proxy in front), otherwise when the request itself came over https.
   */
  secureCookies?: boolean
  logLevel: string
  version: string
  /** Plugins to load besides the built-in ones: npm package names or folders (RAPPORT_PLUGINS, then the config file's `plugins`). */
  plugins: string[]
  /** How many failures on events, within how many minutes, quarantine a plugin (RAPPORT_PLUGIN_FAILURE_LIMIT, RAPPORT_PLUGIN_FAILURE_WINDOW_MINUTES). */
  pluginFailures: { limit: number; windowMinutes: number }
  /** Set when the secret was generated on this start, so the caller can warn. */
  secretGeneratedAt?: string
  /** The file the secret was read from (or generated into) when RAPPORT_SECRET is unset; `rapport rotate-secret` replaces it. */
  secretFile?: string
}

/** The default database: a SQLite file under ./data of the directory Rapport was started from. */
export const DEFAULT_DATABASE_URL = './data/rapport.db'

/** @example const config = loadConfig(process.env) */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const databaseUrl = env.DATABASE_URL || DEFAULT_DATABASE_URL
  const port = Number(env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TypeError(`PORT must be a port number, got ${env.PORT}`)
  const { secret, generatedAt, file: secretFile } = env.RAPPORT_SECRET ? { secret: env.RAPPORT_SECRET, generatedAt: undefined, file: undefined } : keptSecret(databaseUrl)
  if (secret.length < 16) throw new TypeError('RAPPORT_SECRET must be at least 16 characters')
  const trustedOrigins = (env.RAPPORT_TRUSTED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean)
  return {
    port, host: env.HOST || '127.0.0.1', databaseUrl, secret,
    timeZone: env.RAPPORT_TIME_ZONE || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    demo: env.RAPPORT_DEMO !== '0',
    trustedOrigins,
    ...secureCookiesSetting(env.RAPPORT_SECURE_COOKIES, trustedOrigins),
    logLevel: env.LOG_LEVEL || 'info',
    version,
    plugins: externalPluginNames(env),
    pluginFailures: {
      limit: positiveInteger('RAPPORT_PLUGIN_FAILURE_LIMIT', env.RAPPORT_PLUGIN_FAILURE_LIMIT, 5),
      windowMinutes: positiveInteger('RAPPORT_PLUGIN_FAILURE_WINDOW_MINUTES', env.RAPPORT_PLUGIN_FAILURE_WINDOW_MINUTES, 60),
    },
    ...(generatedAt ? { secretGeneratedAt: generatedAt } : {}),
    ...(secretFile ? { secretFile } : {}),
  }
}

/**
 * Behind a proxy that ends TLS, Rapport sees http requests, so it cannot tell by itself that the
 * cookie travels over https: an https trusted origin (or the explicit setting) says so.
 */
function secureCookiesSetting(value: string | undefined, trustedOrigins: readonly string[]): { secureCookies?: boolean } {
  if (value === '1' || value === 'true') return { secureCookies: true }
  if (value === '0' || value === 'false') return { secureCookies: false }
  if (value !== undefined && value !== '') throw new TypeError(`RAPPORT_SECURE_COOKIES must be 1 or 0, got ${value}`)
  return trustedOrigins.some((o) => o.startsWith('https://')) ? { secureCookies: true } : {}
}

/** A whole number of at least 1 from the environment, or the default when unset. */
function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new TypeError(`${name} must be a whole number of at least 1, got ${value}`)
  return n
}

/** The default config file, read when present. */
export const DEFAULT_CONFIG_FILE = './rapport.config.json'

/** RAPPORT_PLUGINS (comma-separated) and the config file's `plugins`, without repeats. */
function externalPluginNames(env: NodeJS.ProcessEnv): string[] {
  const fromEnv = (env.RAPPORT_PLUGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean)
  const file = resolve(env.RAPPORT_CONFIG || DEFAULT_CONFIG_FILE)
  if (!existsSync(file)) {
    if (env.RAPPORT_CONFIG) throw new TypeError(`RAPPORT_CONFIG names ${file}, which does not exist`)
    return [...new Set(fromEnv)]
  }
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { plugins?: unknown }
  if (parsed.plugins !== undefined && !(Array.isArray(parsed.plugins) && parsed.plugins.every((p) => typeof p === 'string' && p.trim()))) {
    throw new TypeError(`${file}: "plugins" must be a list of npm package names or folder paths`)
  }
  const base = dirname(file)
  // Folders in the file are relative to the file.
  const fromFile = ((parsed.plugins as string[] | undefined) ?? []).map((p) => (p.startsWith('.') ? resolve(base, p) : p))
  return [...new Set([...fromEnv, ...fromFile])]
}

/** Reads `secret` beside the SQLite file (or in ./data for PostgreSQL), creating it on first start. */
function keptSecret(databaseUrl: string): { secret: string; generatedAt?: string; file: string } {
  const local = !/^(postgres(ql)?|pglite):/.test(databaseUrl) && databaseUrl !== ':memory:'
  const dir = local ? dirname(resolve(databaseUrl.replace(/^(sqlite|file):/, ''))) : resolve('data')
  const file = resolve(dir, 'secret')
  if (existsSync(file)) return { secret: readFileSync(file, 'utf8').trim(), file }
  mkdirSync(dir, { recursive: true })
  const secret = randomBytes(32).toString('base64url')
  writeFileSync(file, secret + '\n', { mode: 0o600 })
  chmodSync(file, 0o600)
  return { secret, generatedAt: file, file }
}
