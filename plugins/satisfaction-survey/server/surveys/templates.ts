/**
 * @module
 * Built-in templates, each in zh-CN and en (SurveyJS localizable strings: `default` is English,
 * `zh-cn` Simplified Chinese). Each names its score question in `scores`.
 */
import type { z } from '@rapport/plugin-sdk'
import type { templateSchema } from '../../shared/schemas.js'

/** A template as `GET /templates` lists it. */
export type SurveyTemplate = z.infer<typeof templateSchema>

const text = (en: string, zh: string) => ({ default: en, 'zh-cn': zh })
const comment = (name: string, en: string, zh: string) => ({ type: 'comment', name, title: text(en, zh), maxLength: 2000 })
const rating = (name: string, min: number, max: number, title: [string, string], low: [string, string], high: [string, string]) => ({
  type: 'rating', name, title: text(...title), isRequired: true, rateMin: min, rateMax: max,
  minRateDescription: text(...low), maxRateDescription: text(...high),
})
const locales = ['zh-CN', 'en']

/** The five built-in templates. @example templates.find((t) => t.id === 'nps') */
export const templates: readonly SurveyTemplate[] = [
  {
    id: 'nps', locales, scores: { nps: 'nps' },
    title: { en: 'Net Promoter Score', 'zh-CN': '净推荐值（NPS）' },
    description: { en: 'How likely customers are to recommend you, 0–10, and why.', 'zh-CN': '客户向他人推荐的可能性（0–10 分）及原因。' },
    json: {
      title: text('Would you recommend us?', '您会推荐我们吗？'),
      pages: [{ name: 'page1', elements: [
        rating('nps', 0, 10, ['How likely are you to recommend us to a friend or colleague?', '您有多大可能向朋友或同事推荐我们？'], ['Not at all likely', '完全不可能'], ['Extremely likely', '非常可能']),
        comment('reason', 'What is the main reason for your score?', '您给出这个分数的主要原因是什么？'),
      ] }],
    },
  },
  {
    id: 'csat-purchase', locales, scores: { csat: 'csat' },
    title: { en: 'Satisfaction after purchase (CSAT)', 'zh-CN': '购买后满意度（CSAT）' },
    description: { en: 'Satisfaction with a recent purchase, 1–5.', 'zh-CN': '对最近一次购买的满意度（1–5 分）。' },
    json: {
      title: text('How was your purchase?', '您对这次购买满意吗？'),
      pages: [{ name: 'page1', elements: [
        rating('csat', 1, 5, ['How satisfied are you with your recent purchase?', '您对最近一次购买的满意程度如何？'], ['Very dissatisfied', '非常不满意'], ['Very satisfied', '非常满意']),
        { type: 'checkbox', name: 'liked', title: text('What did you like?', '您喜欢哪些方面？'),
          choices: [{ value: 'quality', text: text('Product quality', '产品质量') }, { value: 'price', text: text('Price', '价格') }, { value: 'delivery', text: text('Delivery', '配送') }, { value: 'service', text: text('Service', '服务') }] },
        comment('comment', 'Anything we could do better?', '还有哪些地方我们可以做得更好？'),
      ] }],
    },
  },
  {
    id: 'csat-complaint', locales, scores: { csat: 'csat' },
    title: { en: 'Satisfaction after complaint resolution (CSAT)', 'zh-CN': '投诉处理后满意度（CSAT）' },
    description: { en: 'How well a complaint was handled, 1–5 (回访).', 'zh-CN': '对投诉处理结果的满意度（1–5 分），用于回访。' },
    json: {
      title: text('How did we handle your complaint?', '我们对您投诉的处理如何？'),
      pages: [{ name: 'page1', elements: [
        rating('csat', 1, 5, ['How satisfied are you with how your complaint was resolved?', '您对投诉的处理结果满意吗？'], ['Very dissatisfied', '非常不满意'], ['Very satisfied', '非常满意']),
        { type: 'boolean', name: 'resolved', title: text('Was your problem fully solved?', '您的问题是否已彻底解决？'), isRequired: true },
        comment('comment', 'Tell us more', '请告诉我们更多'),
      ] }],
    },
  },
  {
    id: 'ces', locales, scores: { ces: 'ces' },
    title: { en: 'Customer Effort Score (CES)', 'zh-CN': '客户费力度（CES）' },
    description: { en: 'How easy it was to get what the customer needed, 1–7.', 'zh-CN': '客户办成事情的容易程度（1–7 分）。' },
    json: {
      title: text('How easy was it?', '办理过程容易吗？'),
      pages: [{ name: 'page1', elements: [
        rating('ces', 1, 7, ['How easy was it to get what you needed today?', '今天办理您需要的事情有多容易？'], ['Very difficult', '非常困难'], ['Very easy', '非常容易']),
        comment('comment', 'What made it easy or hard?', '是什么让它变得容易或困难？'),
      ] }],
    },
  },
  {
    id: 'member-satisfaction', locales, scores: { nps: 'nps', csat: 'csat' },
    title: { en: 'Member satisfaction', 'zh-CN': '会员满意度' },
    description: { en: 'Satisfaction with the membership and its benefits, with NPS.', 'zh-CN': '对会员计划及权益的满意度，含 NPS。' },
    json: {
      title: text('Your membership', '您的会员体验'),
      pages: [{ name: 'page1', elements: [
        rating('csat', 1, 5, ['How satisfied are you with your membership overall?', '您对会员计划的总体满意度如何？'], ['Very dissatisfied', '非常不满意'], ['Very satisfied', '非常满意']),
        { type: 'radiogroup', name: 'bestBenefit', title: text('Which benefit do you value most?', '您最看重哪项会员权益？'),
          choices: [{ value: 'points', text: text('Points', '积分') }, { value: 'discounts', text: text('Member prices', '会员价') }, { value: 'gifts', text: text('Gifts', '礼品') }, { value: 'service', text: text('Priority service', '优先服务') }] },
        rating('nps', 0, 10, ['How likely are you to recommend our membership to a friend?', '您有多大可能向朋友推荐我们的会员计划？'], ['Not at all likely', '完全不可能'], ['Extremely likely', '非常可能']),
        comment('comment', 'What would make membership better?', '怎样能让会员计划更好？'),
      ] }],
    },
  },
]
