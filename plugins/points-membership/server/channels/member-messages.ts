/**
 * @module
 * Messages to members through core's delivery service (their language, consent, unsubscribes, the
 * contact budget and quiet hours are core's): the member page's link, sent by staff
 * (`POST /members/{customerId}/link-messages`), and the birthday greeting the birthday job sends
 * with the year's gift. Each carries a member-page link that core signs when it sends, so no token
 * is stored or logged.
 */
import { randomUUID } from 'node:crypto'
import { commonErrors, defineRoute, errorBody, jsonBody, jsonResponse, policies, z, type PluginContext, type PluginRoute, type Queryable } from '@rapport/plugin-sdk'
import { memberLinkRequest, memberParams } from '../../shared/schemas.js'
import type { PointsConfig } from '../config.js'
import { pointsErrors } from '../errors.js'
import { addDays } from '../ledger/ledger-deps.js'
import { findMember } from '../ledger/member-store.js'
import { MEMBER_PAGE_PATH } from '../routes/member-page.js'

/** The member page's link in a message: signed at sending with this id and expiry. */
const memberPageLink = (linkId: string, at: string, days: number) => ({ path: `${MEMBER_PAGE_PATH}/{token}`, linkId, expiresAt: addDays(at, days) })

const queuedMessage = z.object({ messageId: z.string(), state: z.string(), duplicate: z.boolean() }).openapi('PointsMemberLinkMessage')

/** @example ctx.route(sendMemberLinkRoute(ctx)) */
export const sendMemberLinkRoute = (ctx: PluginContext<PointsConfig>): PluginRoute => defineRoute(
  {
    method: 'post', path: '/members/{customerId}/link-messages', access: policies.staffWrite('customers:write'),
    summary: "Send the member their own page's link, through the delivery service (in their language, by their channel)",
    request: { params: memberParams, body: jsonBody(memberLinkRequest) },
    responses: { 202: jsonResponse(queuedMessage, 'The message, queued (or suppressed by consent, unsubscribe or budget)'), 404: jsonResponse(errorBody, 'Not a member'), ...commonErrors },
  },
  async (c) => {
    const { customerId } = c.req.valid('param')
    const { ttlDays } = c.req.valid('json')
    if (!(await findMember(ctx.db, customerId))) throw pointsErrors.MEMBER_NOT_FOUND({ customerId })
    const id = randomUUID()
    const sent = await ctx.db.tx((tx) =>
      ctx.deliver({ to: { customerId }, template: 'points.member-link', link: memberPageLink(`member-link:${id}`, ctx.now().toISOString(), ttlDays), key: `member-link:${id}`, tx }),
    )
    return c.json(sent, 202)
  },
)

/**
 * Greets the member on their birthday with what the job gave them, once per birthday key.
 * @example await birthdayGreeting(ctx, tx, { customerId, key, points, at })
 */
export function birthdayGreeting(ctx: PluginContext<PointsConfig>, tx: Queryable, o: { customerId: string; key: string; points: number; at: string }) {
  return ctx.deliver({ to: { customerId: o.customerId }, template: 'points.birthday', data: { points: o.points }, link: memberPageLink(o.key, o.at, 30), key: o.key, tx })
}
