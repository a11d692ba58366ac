/**
 * @module
 * Turns a failed call into a sentence: the plugin's own texts for its codes (`errors.<CODE>`), the
 * shell's for the core's codes.
 */
import { errorMessage, isApiError, usePluginTranslation } from '@rapport/admin-kit'
import { useCallback } from 'react'

type ShellT = Parameters<typeof errorMessage>[0]

/** A function from any thrown error to a translated sentence. */
export function useSurveyErrorText(): (err: unknown) => string {
  const { t } = usePluginTranslation('satisfaction-survey')
  // The shell's default namespace holds the core's error texts (`errors.AUTH_…`, `common.error`).
  const shell = usePluginTranslation('translation').t
  return useCallback(
    (err: unknown) => {
      if (isApiError(err)) {
        const own = t(`errors.${err.code}`, { defaultValue: '' })
        if (own) return own
      }
      return errorMessage(shell as unknown as ShellT, err)
    },
    [t, shell],
  )
}
