/**
 * @module
 * Profile fields that mirror the customer's completed responses (changed only through `ctx.updateProfile`).
 * Names and values match what tiering's ladder reads (`satisfaction.npsCategory eq promoter`).
 */
import { field } from '@rapport/plugin-sdk'

/** NPS categories. */
export const npsCategories = ['promoter', 'passive', 'detractor'] as const

/** Keyed without the namespace: `lastNps` is `satisfaction.lastNps`. @example profile.lastNps.kind // 'integer' */
export const profile = {
  lastNps: field.integer(['Last NPS score', '最近 NPS 评分']),
  npsCategory: field.enum(npsCategories, ['NPS category', 'NPS 类别'], {
    valueLabels: { promoter: ['Promoter', '推荐者'], passive: ['Passive', '被动者'], detractor: ['Detractor', '贬损者'] },
  }),
  avgCsat: field.number(['Average CSAT', '平均满意度']),
  lastCes: field.integer(['Last effort score', '最近费力度评分']),
  responses: field.integer(['Survey responses', '问卷回答数']),
  lastRespondedAt: field.date(['Last survey response', '最近回答问卷时间']),
}

/** The category of an NPS score. @example npsCategory(9) // 'promoter' */
export const npsCategory = (nps: number): (typeof npsCategories)[number] => (nps >= 9 ? 'promoter' : nps >= 7 ? 'passive' : 'detractor')
