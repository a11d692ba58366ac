import { usePluginTranslation } from '@rapport/admin-kit'
import { Typography } from 'antd'
import type { DifferenceTestView } from '../api/analytics'
import { pText } from './estimate-text'

/** The plain-language reading of a test of `a − b`: higher, lower, no significant difference, or untestable. */
export function SignificanceVerdict({ test }: { test: DifferenceTestView }) {
  const { t } = usePluginTranslation('satisfaction-survey')
  if (test.pValue === null) return <Typography.Text type="secondary">{t('analysis.untestable')}</Typography.Text>
  const p = pText(test.pValue)
  if (!test.significant) return <Typography.Text>{t('analysis.notSignificant', { p })}</Typography.Text>
  const up = (test.difference ?? 0) > 0
  return <Typography.Text type={up ? 'success' : 'danger'} strong>{t(up ? 'analysis.significantUp' : 'analysis.significantDown', { p })}</Typography.Text>
}
