/**
 * @module
 * The admin parts of plugins loaded from outside the repository: the server lists where each
 * built bundle is (`GET /api/v1/plugin-admins`); the shell imports a bundle the first time its
 * plugin is seen enabled, adds its texts as the plugin's i18next namespace, and shows its pages
 * like a built-in plugin's. A bundle's bare imports (react, antd, the admin kit) resolve to the
 * shell's own instances through the build's import map (build/shared-modules.ts).
 */
import { apiRequest, type PluginAdmin } from '@rapport/admin-kit'
import { useQueries, useQuery } from '@tanstack/react-query'
import { i18next } from '../i18n/i18n'
import { languages } from '../i18n/languages'
import { useActivePlugins } from './use-active-plugins'

/** Where one plugin's admin bundle is served. */
export type PluginAdminBundle = { plugin: string; url: string }

/** `GET /api/v1/plugin-admins` as a query. */
const bundlesQuery = {
  queryKey: ['plugin-admins'] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest<{ items: PluginAdminBundle[] }>('/api/v1/plugin-admins', { signal }).then((r) => r.items),
  staleTime: 60_000,
}

/** True for something shaped like `definePluginAdmin`'s result for `plugin`. */
const isPluginAdmin = (value: unknown, plugin: string): value is PluginAdmin =>
  typeof value === 'object' && value !== null && (value as PluginAdmin).plugin === plugin && Array.isArray((value as PluginAdmin).pages) && typeof (value as PluginAdmin).messages === 'object'

/** Imports a bundle and registers its texts; a bundle that exports no admin part for its plugin is an error. */
async function importAdmin({ plugin, url }: PluginAdminBundle): Promise<PluginAdmin> {
  const mod = (await import(/* @vite-ignore */ url)) as { default?: unknown }
  if (!isPluginAdmin(mod.default, plugin)) throw new Error(`${url} exports no admin part of ${plugin} (a default export made with definePluginAdmin)`)
  for (const language of languages) i18next.addResourceBundle(language, plugin, mod.default.messages[language] ?? {}, true, true)
  return mod.default
}

/**
 * The outside plugins' admin parts loaded so far, of the plugins enabled now (a disabled plugin's
 * pages go at once), whether some are still loading, and which plugins ship a bundle at all.
 */
export function useOutsidePluginAdmins(): { admins: PluginAdmin[]; loading: boolean; bundled: ReadonlySet<string> } {
  const active = useActivePlugins()
  const bundles = useQuery(bundlesQuery)
  const wanted = (bundles.data ?? []).filter((b) => active?.has(b.plugin))
  const loaded = useQueries({
    queries: wanted.map((bundle) => ({ queryKey: ['plugin-admins', 'module', bundle.url], queryFn: () => importAdmin(bundle), staleTime: Number.POSITIVE_INFINITY, retry: 1 })),
  })
  return {
    admins: loaded.flatMap((q) => (q.data ? [q.data] : [])),
    loading: active === undefined || bundles.isPending || loaded.some((q) => q.isPending),
    bundled: new Set((bundles.data ?? []).map((b) => b.plugin)),
  }
}
