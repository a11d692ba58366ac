/**
 * @module
 * The customer page the host serves at /m while the plugin is enabled: the member's own page
 * (`/m/<token>`), built by the package's `build` script into dist/pages.
 */
import { fileURLToPath } from 'node:url'
import type { PluginPages } from '@rapport/plugin-sdk'

/** @example definePlugin({ …, pages: customerPages }) */
export const customerPages: readonly PluginPages[] = [{ path: '/m', dir: fileURLToPath(new URL('../dist/pages', import.meta.url)) }]
