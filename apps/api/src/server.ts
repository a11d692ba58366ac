/**
 * @module
 * Starts Rapport: opens the database, runs core migrations, seeds demo data into an empty
 * database when asked, builds the app, serves /api, /api/docs, /admin and the plugins' pages, and stops gracefully.
 */
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { serve, type ServerType } from '@hono/node-server'
import { createCoreApp, createDeliveryWorker, createLogger, createPluginHost, createScheduler, createServices, migrateCore, type Logger, type PluginDefinition, type PluginFailurePolicy } from '@rapport/core'
import { openDatabase, type Database } from '@rapport/db'
import { seedDemo, type SeedOptions } from './demo/seed-demo.js'
import { mountAdmin } from './http/admin-static.js'
import { mountApiDocs } from './http/api-docs.js'
import { compressResponses } from './http/compress-responses.js'
import { pluginAdminRoutes } from './http/plugin-admin-routes.js'
import { mountPluginPages } from './http/plugin-pages.js'
import { installedPlugins } from './installed-plugins.js'

/** Where the admin build lives in this repository. */
export const DEFAULT_ADMIN_DIR = fileURLToPath(new URL('../../admin/dist', import.meta.url))

export type StartOptions = {
  databaseUrl: string
  secret: string
  port?: number
  host?: string
  /** Seed demo data (and the demo owner) when the database has no customers and no users. */
  demo?: boolean | SeedOptions
  adminDir?: string
  logLevel?: string
  timeZone?: string
  trustedOrigins?: string[]
  /** Mark the session cookie `Secure` regardless of the request's scheme (see ApiConfig). */
  secureCookies?: boolean
  version?: string
  log?: Logger
  /** The plugins installed in this process; each can be enabled and disabled at runtime. */
  plugins?: readonly PluginDefinition[]
  /** Built admin parts of plugins loaded from outside the repository: plugin name → entry file (`loadExternalPlugins`). */
  adminBundles?: ReadonlyMap<string, string>
  /** How many failures on events, within how many minutes, quarantine a plugin (default 5 within 60). */
  pluginFailures?: PluginFailurePolicy
}

export type RunningServer = { url: string; db: Database; log: Logger; seeded: boolean; close(): Promise<void> }

/**
 * @example
 * const server = await startServer({ databaseUrl: './data/rapport.db', secret, port: 3000, demo: true })
 * console.log(server.url); await server.close()
 */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const log = options.log ?? createLogger({ level: options.logLevel ?? 'info' })
  const db = await openDatabase(options.databaseUrl)
  await migrateCore(db)
  const services = createServices({
    db, log,
    config: { secret: options.secret, timeZone: options.timeZone ?? 'UTC', version: options.version ?? '0.1.0', trustedOrigins: options.trustedOrigins ?? [], ...(options.secureCookies === undefined ? {} : { secureCookies: options.secureCookies }) },
  })
  const host = createPluginHost(services, options.plugins ?? installedPlugins, options.pluginFailures ? { failurePolicy: options.pluginFailures } : {})
  const report = await host.start()
  for (const [plugin, status] of Object.entries(report.plugins)) if (status.state === 'failed') log.error({ plugin, error: status.error }, 'plugin failed to boot; the others keep serving')
  // The app is whole before the demo data: the demo's staff and customers act through its routes
  // (and Hono takes no route once it has answered a request).
  const { app } = createCoreApp(services, { host, extraRoutes: pluginAdminRoutes(host, options.adminBundles ?? new Map()) })
  mountApiDocs(app)
  mountPluginPages(app, host)
  if (!mountAdmin(app, options.adminDir ?? DEFAULT_ADMIN_DIR)) log.warn('admin build not found: run `pnpm build` to serve /admin')
  const seeded = options.demo ? await seedDemo(services, { fetch: app.fetch, ...(options.demo === true ? {} : options.demo) }) : false
  // One delivery worker and one scheduler per process; the database makes each delivery and each
  // scheduled run happen once even with several processes.
  const worker = createDeliveryWorker(services)
  const scheduler = createScheduler(services)
  scheduler.sync()
  host.onChange(() => scheduler.sync())
  if (seeded) {
    // The demo history arrived in one go: run every plugin's scheduled job once (nightly
    // re-evaluations and the like) so the first dashboards show what a running shop would.
    for (const plugin of services.runtime.active()) {
      for (const job of plugin.jobs) await scheduler.trigger(`${job.plugin}:${job.name}`)
    }
    await scheduler.drain()
  }
  worker.start()

  const server = await listen(compressResponses(app.fetch), options.port ?? 0, options.host ?? '127.0.0.1')
  const { port } = server.address() as AddressInfo
  const hostname = options.host ?? '127.0.0.1'
  const url = `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`
  let closing: Promise<void> | undefined
  return {
    url, db, log, seeded,
    close: () => (closing ??= shutdown(server, async () => {
      await Promise.all([scheduler.stop(), worker.stop()])
      await db.close()
    })),
  }
}

function listen(fetch: (req: Request, env: unknown) => Response | Promise<Response>, port: number, hostname: string): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname }, () => resolve(server))
    server.once('error', reject)
  })
}

/** Stops accepting, lets in-flight requests finish (10 s at most), then stops jobs and closes the database. */
async function shutdown(server: ServerType, release: () => Promise<void>): Promise<void> {
  await new Promise<void>((resolve) => {
    const force = setTimeout(() => (server as { closeAllConnections?: () => void }).closeAllConnections?.(), 10_000)
    server.close(() => { clearTimeout(force); resolve() })
    ;(server as { closeIdleConnections?: () => void }).closeIdleConnections?.()
  })
  await release()
}
