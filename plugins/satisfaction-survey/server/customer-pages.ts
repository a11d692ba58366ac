/**
 * @module
 * The customer pages the host serves at /s while the plugin is enabled: the survey page
 * (`/s/<token>`, `/s/p/<publicToken>`) and the widget script (`/s/embed.js`), built by the
 * package's `build` script into dist/pages.
 */
import { fileURLToPath } from 'node:url'
import type { PluginPages } from '@rapport/plugin-sdk'

/** @example definePlugin({ …, pages: customerPages }) */
export const customerPages: readonly PluginPages[] = [{ path: '/s', dir: fileURLToPath(new URL('../dist/pages', import.meta.url)) }]
