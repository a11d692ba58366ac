import type { ApiConfig } from '../config.js'
import { DEMO_OWNER } from '../demo/seed-demo.js'
import { createLogger } from '@rapport/core'
import { pluginsAndAdminBundles } from '../installed-plugins.js'
import { startServer } from '../server.js'
import { markServing } from './server-marker.js'

/** `rapport start`: serves until SIGTERM/SIGINT, then drains requests and closes the database. Returns -1: the process stays up. */
export async function startCommand(config: ApiConfig): Promise<number> {
  const started = Date.now()
  const log = createLogger({ level: config.logLevel })
  const { plugins, adminBundles } = await pluginsAndAdminBundles(config.plugins, log)
  const server = await startServer({
    log, plugins, adminBundles,
    databaseUrl: config.databaseUrl, secret: config.secret, port: config.port, host: config.host, logLevel: config.logLevel,
    timeZone: config.timeZone, trustedOrigins: config.trustedOrigins, version: config.version, pluginFailures: config.pluginFailures,
    ...(config.secureCookies === undefined ? {} : { secureCookies: config.secureCookies }),
    demo: config.demo && { onProgress: (m: string) => process.stdout.write(`  demo data: ${m}\n`) },
  })
  if (config.secretGeneratedAt) server.log.warn(`RAPPORT_SECRET was not set: generated one and kept it in ${config.secretGeneratedAt}. Back it up: encrypted customer fields need it.`)
  process.stdout.write(`\nRapport ${config.version} is running at ${server.url}/admin/  (API ${server.url}/api, docs ${server.url}/api/docs)\n`)
  if (server.seeded) process.stdout.write(`Demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s. Sign in as ${DEMO_OWNER.email} / ${DEMO_OWNER.password}\n`)
  process.stdout.write('Press Ctrl+C to stop.\n')
  const unmark = markServing(config.databaseUrl, server.url)
  const stop = (signal: string) => {
    server.log.info({ signal }, 'shutting down: draining requests')
    server.close().then(() => { unmark(); process.exit(0) }, () => process.exit(1))
  }
  process.once('SIGTERM', () => stop('SIGTERM'))
  process.once('SIGINT', () => stop('SIGINT'))
  return -1
}
