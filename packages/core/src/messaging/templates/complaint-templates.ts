/**
 * @module
 * The templates of complaint handling, in both first-class languages: to the customer when a
 * complaint is received, answered and resolved (each with the case's link and the unsubscribe
 * footer), and to staff when a case is assigned to them, nears or misses its SLA, or is escalated
 * to them (with the case's page in the admin; staff messages carry no unsubscribe link).
 */
import type { MessageTemplate } from '../message-templates.js'
import { customerTexts, type Footer, templateTexts, type Words } from './template-texts.js'

const toCustomer = (id: string, en: Words, zh: Words, footer: Footer): MessageTemplate => ({
  id, params: ['customerName', 'caseNumber', 'link'], locales: customerTexts(en, zh, footer),
})

const toStaff = (id: string, en: Words, zh: Words): MessageTemplate => ({
  id, params: ['caseNumber', 'link'], locales: { en: templateTexts(en, '', undefined), 'zh-CN': templateTexts(zh, '', undefined) },
})

/**
 * The complaint templates, given the unsubscribe footer customers' messages end with.
 * @example const templates = complaintTemplates(footer)
 */
export const complaintTemplates = (footer: Footer): MessageTemplate[] => [
  toCustomer('complaint.received',
    { subject: 'We received your complaint {{caseNumber}}', body: 'We have received your complaint ({{caseNumber}}) and will come back to you soon. You can follow it here:', action: 'Follow your complaint' },
    { subject: '我们已收到您的投诉 {{caseNumber}}', body: '我们已收到您的投诉（{{caseNumber}}），会尽快处理并回复您。您可以在这里查看进展：', action: '查看投诉进展' }, footer),
  toCustomer('complaint.replied',
    { subject: 'A reply to your complaint {{caseNumber}}', body: 'We have replied to your complaint ({{caseNumber}}). Read it and answer here:', action: 'Read the reply' },
    { subject: '您的投诉 {{caseNumber}} 有新回复', body: '我们回复了您的投诉（{{caseNumber}}），请在这里查看并回复：', action: '查看回复' }, footer),
  toCustomer('complaint.resolved',
    { subject: 'Your complaint {{caseNumber}} is resolved', body: 'Your complaint ({{caseNumber}}) has been resolved. What we did is here:', action: 'See the resolution' },
    { subject: '您的投诉 {{caseNumber}} 已处理完毕', body: '您的投诉（{{caseNumber}}）已处理完毕，处理结果请见：', action: '查看处理结果' }, footer),
  toStaff('complaint.assigned',
    { subject: 'Complaint {{caseNumber}} is assigned to you', body: 'Complaint {{caseNumber}} is now yours to handle.', action: 'Open the complaint' },
    { subject: '投诉 {{caseNumber}} 已分配给您', body: '投诉 {{caseNumber}} 已分配给您处理。', action: '打开投诉' }),
  toStaff('complaint.sla-warning',
    { subject: 'Complaint {{caseNumber}} is close to its deadline', body: 'Complaint {{caseNumber}} will miss its service level soon unless it is answered.', action: 'Open the complaint' },
    { subject: '投诉 {{caseNumber}} 即将超时', body: '投诉 {{caseNumber}} 即将超出服务时限，请尽快处理。', action: '打开投诉' }),
  toStaff('complaint.sla-breached',
    { subject: 'Complaint {{caseNumber}} missed its deadline', body: 'Complaint {{caseNumber}} has missed its service level.', action: 'Open the complaint' },
    { subject: '投诉 {{caseNumber}} 已超时', body: '投诉 {{caseNumber}} 已超出服务时限。', action: '打开投诉' }),
  toStaff('complaint.escalated',
    { subject: 'Complaint {{caseNumber}} was escalated to you', body: 'Complaint {{caseNumber}} missed its service level and was passed on to you.', action: 'Open the complaint' },
    { subject: '投诉 {{caseNumber}} 已升级转给您', body: '投诉 {{caseNumber}} 超出服务时限，已升级转给您处理。', action: '打开投诉' }),
]
