/**
 * @module
 * What the signed-in user may do with points, from the routes the server says their role may call
 * (`useCan`): pages show only the actions the server accepts.
 */
import { useCan } from '@rapport/admin-kit'

const base = '/api/p/points-membership'

/** @example const may = usePointsPermissions(); may.adjust && <AdjustButton /> */
export function usePointsPermissions() {
  const can = useCan()
  return {
    enrol: can('POST', `${base}/members`),
    adjust: can('POST', `${base}/members/{customerId}/adjustments`),
    setStatus: can('PATCH', `${base}/members/{customerId}`),
    link: can('POST', `${base}/members/{customerId}/links`),
    editRewards: can('POST', `${base}/rewards`) && can('PATCH', `${base}/rewards/{rewardId}`),
    voidVoucher: can('POST', `${base}/voucher-voids`),
    configure: can('PUT', '/api/v1/plugins/{name}/config'),
  }
}
