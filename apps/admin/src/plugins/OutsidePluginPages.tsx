import { PageLoading } from '@rapport/admin-kit'
import { lazy } from 'react'
import { Route, Routes, useParams } from 'react-router'
import { RoleGate } from '../auth/RoleGate'
import { useOutsidePluginAdmins } from './outside-plugin-admins'
import { PluginGate } from './PluginGate'

const NotFoundPage = lazy(() => import('../pages/NotFoundPage'))

/**
 * `/admin/<plugin>/*` for a plugin loaded from outside the repository: its pages, once its admin
 * bundle is loaded. The shell's router is built once, before any bundle is known, so these
 * routes live under one splat route; the built-in plugins' static routes rank above it.
 */
export default function OutsidePluginPages() {
  const { plugin } = useParams()
  const { admins, loading, bundled } = useOutsidePluginAdmins()
  const admin = admins.find((a) => a.plugin === plugin)
  if (loading && !admin) return <PageLoading />
  // A disabled plugin's address says so and links to its settings, as a built-in plugin's does.
  if (!admin) return plugin && bundled.has(plugin) ? <PluginGate plugin={plugin}><NotFoundPage /></PluginGate> : <NotFoundPage />
  return (
    <Routes>
      {admin.pages.flatMap(({ key, path, element: Page, roles, children = [] }) => {
        const gated = (Child: typeof Page) => (
          <RoleGate roles={roles}>
            <Child />
          </RoleGate>
        )
        return [
          path ? <Route key={key} path={path} element={gated(Page)} /> : <Route key={key} index element={gated(Page)} />,
          ...children.map((child) => <Route key={`${key}/${child.path}`} path={path ? `${path}/${child.path}` : child.path} element={gated(child.element)} />),
        ]
      })}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}
