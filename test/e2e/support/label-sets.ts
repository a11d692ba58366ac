/**
 * @module
 * The admin's visible labels per language, read from the same messages the admin ships (the
 * shell's JSON and every built-in plugin's admin messages), for telling a page that shows a label
 * of the other language. Only words that differ between the languages count; short codes both
 * languages share (NPS, SLA, CSV) and texts with placeholders are left out.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import * as churn from '../../../plugins/churn-risk/admin/messages'
import * as complaints from '../../../plugins/complaint-tracking/admin/messages'
import { customerActionMessages as complaintAction } from '../../../plugins/complaint-tracking/admin/customer/messages'
import * as points from '../../../plugins/points-membership/admin/messages'
import { customerActionMessages as pointsAction } from '../../../plugins/points-membership/admin/customer/messages'
import * as surveys from '../../../plugins/satisfaction-survey/admin/messages'
import { customerActionMessages as surveyAction } from '../../../plugins/satisfaction-survey/admin/customer/messages'
import * as tiering from '../../../plugins/tiering/admin/messages'
import { repoRoot } from './ensure-admin-build'

type Tree = { [key: string]: string | Tree }

const shell = (language: string): Tree => JSON.parse(readFileSync(path.join(repoRoot, 'apps/admin/src/i18n', `${language}.json`), 'utf8')) as Tree

const pairs = (en: Tree, zh: Tree): Array<[string, string]> =>
  Object.entries(en).flatMap(([key, value]) => {
    const other = zh[key]
    if (typeof value === 'string') return typeof other === 'string' ? [[value, other] as [string, string]] : []
    return other && typeof other === 'object' ? pairs(value, other) : []
  })

const all: Array<[string, string]> = [
  pairs(shell('en'), shell('zh-CN')),
  ...[churn, complaints, points, surveys, tiering].map((m) => pairs(m.en as unknown as Tree, m.zhCN as unknown as Tree)),
  ...[complaintAction, surveyAction, pointsAction].map((m) => pairs(m.en as unknown as Tree, m['zh-CN'] as unknown as Tree)),
].flat()

// A label: no placeholder, short enough to be a word or a phrase, with lower-case words (not an acronym both languages use: NPS, SLA), different in the two languages.
const isLabel = ([en, zh]: [string, string]) => en !== zh && !en.includes('{{') && !zh.includes('{{') && en.length <= 40 && /[a-z]{2}/.test(en) && /[\u4e00-\u9fff]/.test(zh)
const labels = all.filter(isLabel)
// A word both languages also use as a label of their own is not foreign on either page.
const enWords = new Set(labels.map(([en]) => en))
const zhWords = new Set(labels.map(([, zh]) => zh))

/** Labels that must not appear on a page of `language`: the other language's. */
export const foreignLabels = (language: 'en' | 'zh-CN'): string[] =>
  language === 'en' ? [...zhWords].filter((w) => !enWords.has(w)) : [...enWords].filter((w) => !zhWords.has(w))
