/**
 * @module
 * The plugin's stored config (categories, SLA, limits), shared by the pages through the query cache.
 */
import { useQuery } from '@tanstack/react-query'
import { getConfig } from '../api'

export const configKey = ['complaint-tracking', 'config'] as const

/** @example const config = useComplaintsConfig().data */
export const useComplaintsConfig = () => useQuery({ queryKey: configKey, queryFn: ({ signal }) => getConfig(signal), staleTime: 60_000 })
