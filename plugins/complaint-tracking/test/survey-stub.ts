/**
 * A stand-in for satisfaction-survey in tests: it owns the `survey.*` events complaint-tracking
 * listens to, so the test host can emit them as their owner would. It takes satisfaction-survey's
 * name: the host lets a plugin listen only to events of plugins it names in requires/optional.
 */
import { definePlugin, z } from '@rapport/plugin-sdk'

export const surveyStub = definePlugin({
  name: 'satisfaction-survey', namespace: 'survey', version: '0.0.1', host: '^1',
  events: {
    'survey.detractor': z.looseObject({ surveyId: z.string(), responseId: z.string(), nps: z.number() }),
    'survey.response.completed': z.looseObject({ surveyId: z.string(), responseId: z.string(), csat: z.number().nullable().optional(), caseId: z.string().optional() }),
  },
})
