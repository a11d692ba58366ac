/**
 * @module
 * The templates of loyalty, in both first-class languages: the member page's link sent by staff
 * (points-membership), the birthday greeting with what the birthday brought (points-membership's
 * birthday job), and a win-back offer (churn-risk). Each ends with the unsubscribe footer.
 */
import type { MessageTemplate } from '../message-templates.js'
import { customerTexts, type Footer, type Words } from './template-texts.js'

const template = (id: string, params: readonly string[], en: Words, zh: Words, footer: Footer): MessageTemplate => ({
  id, params: ['customerName', ...params], locales: customerTexts(en, zh, footer),
})

/**
 * The loyalty templates, given the unsubscribe footer customers' messages end with.
 * @example const templates = loyaltyTemplates(footer)
 */
export const loyaltyTemplates = (footer: Footer): MessageTemplate[] => [
  template('points.member-link', ['link'],
    { subject: 'Your membership page', body: 'Your points, vouchers and tier are on your own membership page:', action: 'Open my membership page' },
    { subject: '您的会员页面', body: '您的积分、优惠券和会员等级都在您的专属会员页面：', action: '打开我的会员页面' }, footer),
  template('points.birthday', ['points', 'link'],
    { subject: 'Happy birthday!', body: 'Happy birthday from all of us. Your birthday gift is in your account: {{points}} points, and any birthday coupon is with your vouchers.', action: 'See my gift' },
    { subject: '生日快乐！', body: '祝您生日快乐！生日礼物已放入您的账户：{{points}} 积分，生日优惠券（如有）在您的优惠券中。', action: '查看我的礼物' }, footer),
  template('churn.win-back', ['points'],
    { subject: 'We miss you: {{points}} points for your next visit', body: 'It has been a while. We have added {{points}} points to your account for your next visit.' },
    { subject: '好久不见：{{points}} 积分等您回来', body: '好久不见！我们已为您的账户添加 {{points}} 积分，欢迎下次光临使用。' }, footer),
]
