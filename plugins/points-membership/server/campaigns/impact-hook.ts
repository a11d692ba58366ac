/**
 * @module
 * The definition's `previewImpact`: the host's rule preview (`POST /api/v1/plugins/points-membership/preview`)
 * asks it what the proposed config (`ctx.config` there) would change against the current one,
 * since points come from the ledger, which a replay of scoring rules never touches.
 */
import type { ImpactPreviewInput, PluginContext } from '@rapport/plugin-sdk'
import type { PointsConfig } from '../config.js'
import { previewImpact } from './impact-preview.js'

/** @example definePlugin({ ..., previewImpact: impactOfConfig }) */
export const impactOfConfig = (ctx: PluginContext<PointsConfig>, { tx, days, current }: ImpactPreviewInput<PointsConfig>) =>
  previewImpact(ctx, { days, before: current ?? null, after: ctx.config, tx })
