/**
 * @module
 * Where the WeChat channels reach people: `GET`/`PUT /api/v1/customers/{id}/message-addresses`
 * (a customer's Official Account openid, which the business's own WeChat login learns; staff and
 * integrations with `customers:write`) and `GET`/`PUT /api/v1/users/{id}/notifications` (a staff
 * user's WeCom UserID and the channel notifications go by; owners and admins). An address that
 * is not one is refused here with MESSAGE_ADDRESS_INVALID (422), not found out when sending.
 */
import { z } from '@hono/zod-openapi'
import { recordAudit } from '../../audit/audit-log.js'
import { getUser } from '../../auth/user-store.js'
import { customerErrors, messageErrors } from '../../errors/index.js'
import { policies } from '../../http/access.js'
import { defineRoute } from '../../http/define-route.js'
import { commonErrors, errorBody, jsonBody, jsonResponse } from '../../http/responses.js'
import type { CoreServices } from '../../services.js'
import { MESSAGE_READERS } from '../message-routes.js'
import { staffChannelOf, storeAddress, storeStaffChannel, storedAddresses } from './channel-addresses.js'
import { wechatOpenIdSchema } from './wechat-oa.js'
import { wecomUserIdSchema } from './wecom.js'

const idParam = z.object({ id: z.string().min(1).max(64) })
const customerAddresses = z.strictObject({ wechatOpenId: z.string().max(128).nullable().openapi({ description: "The customer's openid of the Official Account; null removes it" }) }).openapi('CustomerMessageAddresses')
/** The channels a staff user may take notifications on. */
export const STAFF_CHANNELS = ['email', 'wecom'] as const
const staffNotifications = z
  .strictObject({
    channel: z.enum(STAFF_CHANNELS).nullable().openapi({ description: "The channel notifications go by; null: the messaging settings' staffChannel" }),
    wecomUserId: z.string().max(128).nullable().openapi({ description: "The user's WeCom UserID (账号); null removes it" }),
  })
  .openapi('StaffNotifications')

/** @example const routes = [...addressRoutes(s)] */
export function addressRoutes(s: CoreServices) {
  const requireCustomer = async (id: string) => {
    if (!(await s.db.get('SELECT id FROM core_customers WHERE id = ? AND erased_at IS NULL', [id]))) throw customerErrors.NOT_FOUND({ customerId: id })
  }
  const readCustomer = async (id: string) => ({ wechatOpenId: (await storedAddresses(s, s.db, id)).wechatOpenId ?? null })
  const readUser = async (id: string) => ({ channel: (await staffChannelOf(s.db, id)) as (typeof STAFF_CHANNELS)[number] | null, wecomUserId: (await storedAddresses(s, s.db, id)).wecomUserId ?? null })

  const getCustomer = defineRoute(
    {
      method: 'get', path: '/api/v1/customers/{id}/message-addresses', access: MESSAGE_READERS, tags: ['messaging'], summary: "A customer's WeChat address",
      request: { params: idParam }, responses: { 200: jsonResponse(customerAddresses, 'The addresses'), 404: jsonResponse(errorBody, 'Unknown customer'), ...commonErrors },
    },
    async (c) => {
      const { id } = c.req.valid('param')
      await requireCustomer(id)
      return c.json(await readCustomer(id), 200)
    },
  )
  const putCustomer = defineRoute(
    {
      method: 'put', path: '/api/v1/customers/{id}/message-addresses', access: policies.staffWrite('customers:write'), tags: ['messaging'], summary: "Set a customer's WeChat address",
      request: { params: idParam, body: jsonBody(customerAddresses) },
      responses: { 200: jsonResponse(customerAddresses, 'The addresses'), 404: jsonResponse(errorBody, 'Unknown customer'), 422: jsonResponse(errorBody, 'Not an openid (MESSAGE_ADDRESS_INVALID)'), ...commonErrors },
    },
    async (c) => {
      const { id } = c.req.valid('param')
      const { wechatOpenId } = c.req.valid('json')
      if (wechatOpenId !== null && !wechatOpenIdSchema.safeParse(wechatOpenId).success) throw messageErrors.ADDRESS_INVALID({ channel: 'wechat' })
      await requireCustomer(id)
      await s.db.tx(async (tx) => {
        await storeAddress(s, tx, id, 'wechatOpenId', wechatOpenId?.trim() ?? null)
        await recordAudit(tx, s.now(), { caller: c.get('caller'), action: 'customer.message-address-changed', targetType: 'customer', targetId: id, details: { fields: ['wechatOpenId'] }, requestId: c.get('requestId') })
      })
      return c.json(await readCustomer(id), 200)
    },
  )
  const getUserPrefs = defineRoute(
    {
      method: 'get', path: '/api/v1/users/{id}/notifications', access: policies.admins, tags: ['messaging'], summary: "How a staff user receives notifications",
      request: { params: idParam }, responses: { 200: jsonResponse(staffNotifications, 'The choice'), 404: jsonResponse(errorBody, 'Unknown user'), ...commonErrors },
    },
    async (c) => {
      const { id } = c.req.valid('param')
      await getUser(s.db, id)
      return c.json(await readUser(id), 200)
    },
  )
  const putUserPrefs = defineRoute(
    {
      method: 'put', path: '/api/v1/users/{id}/notifications', access: policies.admins, tags: ['messaging'], summary: "Set how a staff user receives notifications",
      request: { params: idParam, body: jsonBody(staffNotifications) },
      responses: { 200: jsonResponse(staffNotifications, 'The choice'), 404: jsonResponse(errorBody, 'Unknown user'), 422: jsonResponse(errorBody, 'Not a WeCom UserID (MESSAGE_ADDRESS_INVALID)'), ...commonErrors },
    },
    async (c) => {
      const { id } = c.req.valid('param')
      const { channel, wecomUserId } = c.req.valid('json')
      if (wecomUserId !== null && !wecomUserIdSchema.safeParse(wecomUserId).success) throw messageErrors.ADDRESS_INVALID({ channel: 'wecom' })
      await getUser(s.db, id)
      await s.db.tx(async (tx) => {
        await storeAddress(s, tx, id, 'wecomUserId', wecomUserId?.trim() ?? null)
        await storeStaffChannel(s, tx, id, channel)
        await recordAudit(tx, s.now(), { caller: c.get('caller'), action: 'user.notifications-changed', targetType: 'user', targetId: id, details: { fields: ['channel', 'wecomUserId'] }, requestId: c.get('requestId') })
      })
      return c.json(await readUser(id), 200)
    },
  )
  return [getCustomer, putCustomer, getUserPrefs, putUserPrefs]
}
