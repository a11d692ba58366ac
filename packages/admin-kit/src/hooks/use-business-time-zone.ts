import { useQuery } from '@tanstack/react-query'
import { getHealth } from '../api/health'

/** The browser's own time zone, used until (or unless) the server tells the business's. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone

const isValidTimeZone = (timeZone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone })
    return true
  } catch {
    return false
  }
}

/** The business's time zone from `GET /api/health`; the browser's when the server does not say. */
export function useBusinessTimeZone(): string {
  const { data } = useQuery({ queryKey: ['health'], queryFn: ({ signal }) => getHealth(signal), staleTime: Infinity, retry: false })
  const timeZone = data?.timeZone
  return timeZone && isValidTimeZone(timeZone) ? timeZone : browserTimeZone()
}
