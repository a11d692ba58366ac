/**
 * @module
 * @rapport/api: the Rapport server process and its CLI.
 */
export { startServer, DEFAULT_ADMIN_DIR, type StartOptions, type RunningServer } from './server.js'
export { loadConfig, type ApiConfig } from './config.js'
export { generateDemoData } from './demo/demo-data.js'
export { seedDemo } from './demo/seed-demo.js'
export { installedPlugins, pluginsAndAdminBundles } from './installed-plugins.js'
export { loadExternalPlugins, type LoadedPlugins } from './plugins/load-external-plugins.js'
