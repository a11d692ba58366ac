import { useSession } from '../../auth/session-query'

/** Roles that may enable, disable and configure plugins (the server's `admins` policy). */
export const pluginManagerRoles: readonly string[] = ['owner', 'admin']

/** Whether the signed-in user may change plugins; agents and analysts only read. */
export const useCanManagePlugins = (): boolean => {
  const { data: user } = useSession()
  return user !== undefined && user !== null && pluginManagerRoles.includes(user.role)
}
