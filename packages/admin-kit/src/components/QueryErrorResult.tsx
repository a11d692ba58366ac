import { Button, Result } from 'antd'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../i18n/error-message'

/** A failed load: the translated error and a retry button. */
export function QueryErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation()
  return (
    <Result
      status="error"
      title={t('common.error')}
      subTitle={errorMessage(t, error)}
      extra={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  )
}
