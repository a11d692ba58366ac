/**
 * @module
 * The campaign routes as the admin calls them; the shapes come from the server's zod schemas.
 */
import { apiRequest } from '@rapport/admin-kit'
import type { z } from '@rapport/plugin-sdk'
import type { Campaign, campaignInput, ImpactReport, impactRequest } from '../../shared/campaign-schemas'

const base = '/api/p/points-membership/campaigns'

export type { Campaign, ImpactReport }
export type CampaignBody = z.input<typeof campaignInput>
export type ImpactBody = z.input<typeof impactRequest>

export const listCampaigns = (signal?: AbortSignal) => apiRequest<{ items: Campaign[] }>(base, { signal }).then((r) => r.items)

export const saveCampaign = (id: string | undefined, body: CampaignBody) =>
  id === undefined ? apiRequest<Campaign>(base, { method: 'POST', body }) : apiRequest<Campaign>(`${base}/${encodeURIComponent(id)}`, { method: 'PUT', body })

export const previewCampaignImpact = (body: ImpactBody) => apiRequest<ImpactReport>(`${base}/impact`, { method: 'POST', body })
