/**
 * @module
 * The admin's routes, under the `/admin` basename: the login page, and the shell whose pages come
 * from the navigation registry.
 */
import { lazy, Suspense, type ReactNode } from 'react'
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router'
import { RequireAuth } from './auth/RequireAuth'
import { RoleGate } from './auth/RoleGate'
import { PageLoading } from '@rapport/admin-kit'
import { AppLayout } from './layout/AppLayout'
import { PluginGate } from './plugins/PluginGate'
import { navigationRegistry, type LazyPage, type NavigationItem } from './navigation/registry'
import { defaultPath, loginPath } from './router-paths'

const LoginPage = lazy(() => import('./pages/LoginPage'))
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'))
const OutsidePluginPages = lazy(() => import('./plugins/OutsidePluginPages'))

const page = (Page: LazyPage, item: NavigationItem): ReactNode => {
  const gated = (
    <RoleGate roles={item.roles}>
      <Page />
    </RoleGate>
  )
  return item.plugin ? <PluginGate plugin={item.plugin}>{gated}</PluginGate> : gated
}

const routesOf = (item: NavigationItem): RouteObject[] => [
  { path: item.path, element: page(item.element, item) },
  ...(item.children ?? []).map((child) => ({ path: `${item.path}/${child.path}`, element: page(child.element, item) })),
]

/** Basename of the router: Vite's `base` without its trailing slash (`/admin`). */
const basename = import.meta.env.BASE_URL.replace(/\/$/, '')

/** Builds the router from a navigation registry. */
export const createAdminRouter = (registry: readonly NavigationItem[] = navigationRegistry) =>
  createBrowserRouter(
    [
      {
        path: loginPath,
        element: (
          <Suspense fallback={<PageLoading fullScreen />}>
            <LoginPage />
          </Suspense>
        ),
      },
      {
        path: '/',
        element: (
          <RequireAuth>
            <AppLayout registry={registry} />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <Navigate to={defaultPath} replace /> },
          ...registry.flatMap(routesOf),
          // Pages of plugins loaded from outside the repository, known only at run time; static paths rank first.
          { path: ':plugin/*', element: <OutsidePluginPages /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
    { basename },
  )
