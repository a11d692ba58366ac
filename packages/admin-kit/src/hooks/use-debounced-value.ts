import { useEffect, useState } from 'react'

/**
 * `value`, updated only after it stayed the same for `delayMs`.
 * @example const q = useDebouncedValue(searchText, 300)
 */
export function useDebouncedValue<T>(value: T, delayMs = 300): T {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs)
    return () => clearTimeout(timer)
  }, [value, delayMs])
  return debounced
}
