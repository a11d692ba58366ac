/**
 * Issue 23 item 6: every field the admin's settings form shows for a built-in plugin has a label in
 * en and zh-CN, and every choice a name (`configText` metadata on the plugin's config schema), so
 * the form shows no raw key such as `weights.rhythm` in either language.
 */
import { unlabelledConfigFields } from '@rapport/plugin-sdk'
import { describe, expect, it } from 'vitest'
import churnRisk from '../../plugins/churn-risk/server/index.ts'
import complaintTracking from '../../plugins/complaint-tracking/server/index.ts'
import pointsMembership from '../../plugins/points-membership/server/index.ts'
import satisfactionSurvey from '../../plugins/satisfaction-survey/server/index.ts'
import tiering from '../../plugins/tiering/server/index.ts'

describe('config labels of the built-in plugins', () => {
  it.each([churnRisk, complaintTracking, pointsMembership, satisfactionSurvey, tiering].map((p) => [p.name, p] as const))('%s labels every config field in en and zh-CN', (_name, plugin) => {
    expect(unlabelledConfigFields(plugin.config)).toEqual([])
  })
})
