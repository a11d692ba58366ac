/**
 * @module
 * The customer pages the host serves at /c while the plugin is enabled: a customer's case through
 * a link (`/c/<token>/<caseId>`) and the public complaint form (`/c/form`), built by the
 * package's `build` script into dist/pages.
 */
import { fileURLToPath } from 'node:url'
import type { PluginPages } from '@rapport/plugin-sdk'

/** @example definePlugin({ …, pages: customerPages }) */
export const customerPages: readonly PluginPages[] = [{ path: '/c', dir: fileURLToPath(new URL('../dist/pages', import.meta.url)) }]
