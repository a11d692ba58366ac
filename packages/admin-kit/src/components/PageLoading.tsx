import { Flex, Spin } from 'antd'
import { useTranslation } from 'react-i18next'

/** A centred spinner while a page or the session loads. */
export function PageLoading({ fullScreen = false }: { fullScreen?: boolean }) {
  const { t } = useTranslation()
  return (
    // The label sits on the status element: antd's Spin is a bare div, where a label is not allowed.
    <Flex align="center" justify="center" style={{ minHeight: fullScreen ? '100vh' : 240 }} role="status" aria-label={t('app.loading')}>
      <Spin />
    </Flex>
  )
}
