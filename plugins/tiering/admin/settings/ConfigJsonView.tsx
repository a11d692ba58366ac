import { usePluginTranslation } from '@rapport/admin-kit'
import { Typography } from 'antd'
import type { TieringConfig } from '../config-api'

/** The config the form would save, read-only (it is edited through the form). Reads `current` when it is opened. */
export function ConfigJsonView({ current }: { current: () => TieringConfig }) {
  const { t } = usePluginTranslation('tiering')
  return (
    <>
      <Typography.Paragraph type="secondary">{t('segmentsForm.advancedIntro')}</Typography.Paragraph>
      <pre aria-label={t('segmentsForm.advanced')} style={{ maxHeight: 420, overflow: 'auto', fontSize: 12, margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
        {JSON.stringify(current(), null, 2)}
      </pre>
    </>
  )
}
