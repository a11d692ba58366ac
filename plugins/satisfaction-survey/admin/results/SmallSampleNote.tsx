import { usePluginTranslation } from '@rapport/admin-kit'
import { Alert } from 'antd'

/** Below this many answers a score moves too much with each answer to be read as a trend. */
export const SMALL_SAMPLE = 30

/** A warning beside a figure computed from fewer than 30 answers (nothing at 0: there is no figure). */
export function SmallSampleNote({ n }: { n: number }) {
  const { t } = usePluginTranslation('satisfaction-survey')
  if (n === 0 || n >= SMALL_SAMPLE) return null
  return <Alert type="warning" showIcon title={t('results.smallSample', { count: n, min: SMALL_SAMPLE })} />
}
