import { Button, Result } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { defaultPath } from '../router-paths'

/** Any unknown address inside the shell. */
export default function NotFoundPage() {
  const { t } = useTranslation()
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.subtitle')}
      extra={
        <Link to={defaultPath}>
          <Button type="primary" tabIndex={-1}>{t('notFound.back')}</Button>
        </Link>
      }
    />
  )
}
