import { useCan } from '@rapport/admin-kit'

/** Whether the signed-in user may enable, disable and configure plugins: what the server's route policies say for their role. */
export const useCanManagePlugins = (): boolean => useCan()('PUT', '/api/v1/plugins/{name}/config')
