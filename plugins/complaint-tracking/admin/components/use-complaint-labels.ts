/**
 * @module
 * Category and resolution labels in the page's language. A category keeps the label set in the
 * settings unless it still has its default English label, which is then translated; a resolution
 * code is translated when it is one of the standard codes, else shown as stored.
 */
import { usePluginTranslation } from '@rapport/admin-kit'
import { useCallback } from 'react'
import { en } from '../messages/en'
import { useComplaintsConfig } from './use-complaints-config'

const defaultCategoryLabels: Record<string, string> = en.category
// i18next splits keys on dots: category ids keep theirs as slashes in the messages.
const categoryKey = (id: string) => id.replaceAll('.', '/')
const standardResolutions: Record<string, string> = en.resolution

/** The standard resolution codes, in menu order. */
export const resolutionCodes = Object.keys(en.resolution)

/** @example const { category, resolution } = useComplaintLabels(); category('delivery.late') // '配送延迟' */
export function useComplaintLabels() {
  const { t } = usePluginTranslation('complaint-tracking')
  const config = useComplaintsConfig()
  const categories = config.data?.categories
  const categoryLabel = useCallback((id: string, configured?: string) => {
    const label = configured ?? categories?.find((c) => c.id === id)?.label
    const fallback = defaultCategoryLabels[categoryKey(id)]
    if (label === undefined) return fallback === undefined ? id : t(`category.${categoryKey(id)}`)
    return fallback === label ? t(`category.${categoryKey(id)}`) : label
  }, [categories, t])
  const policy = useCallback((id: string) => (id in en.policy ? t(`policy.${id}`) : id), [t])
  const resolution = useCallback((code: string) => (standardResolutions[code] === undefined ? code : t(`resolution.${code}`)), [t])
  /** The time zones the SLA calendars count in, for "business hours in …". */
  const slaTimeZones = [...new Set(config.data?.sla.calendars.map((c) => c.timeZone) ?? [])].join(', ')
  return { category: categoryLabel, resolution, policy, slaTimeZones, config }
}
