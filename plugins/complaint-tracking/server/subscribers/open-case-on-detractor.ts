/**
 * @module
 * In-transaction subscriber of `survey.detractor`: when `openCaseOnDetractor` is on, opens a
 * follow-up case for the customer, once per survey response (the case's unique source key).
 */
import type { PluginContext, RapportEvent, SubscriberContext } from '@rapport/plugin-sdk'
import { findBySource } from '../cases/case-store.js'
import { openCase } from '../cases/open-case.js'
import type { ComplaintsConfig } from '../config.js'

type Detractor = { surveyId?: unknown; responseId?: unknown; nps?: unknown }

/** @example ctx.on(SURVEY_DETRACTOR, openCaseOnDetractor(ctx), { id: 'open-case-on-detractor', phase: 'inTransaction' }) */
export const openCaseOnDetractor = (ctx: PluginContext<ComplaintsConfig>) =>
  async function openCaseOnDetractorEvent(event: RapportEvent, { tx }: SubscriberContext): Promise<void> {
    const p = event.payload as Detractor
    if (!ctx.config.openCaseOnDetractor || event.customerId === null || typeof p.responseId !== 'string') return
    const sourceKey = `survey-response:${p.responseId}`
    if (await findBySource(tx, sourceKey, ctx.now())) return
    const nps = typeof p.nps === 'number' ? p.nps : '?'
    const survey = typeof p.surveyId === 'string' ? p.surveyId : '?'
    await openCase(tx, ctx, {
      customerId: event.customerId, channel: 'other', category: ctx.config.detractorCase.category, priority: ctx.config.detractorCase.priority,
      description: `NPS ${nps} detractor follow-up (survey ${survey}, response ${p.responseId}) / 推荐值 ${nps} 贬损者回访`,
      orderRef: null, createdBy: 'system:detractor', sourceKey,
    })
  }
