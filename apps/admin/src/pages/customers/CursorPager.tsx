import LeftOutlined from '@ant-design/icons/LeftOutlined'
import RightOutlined from '@ant-design/icons/RightOutlined'
import { Button, Flex, Typography } from 'antd'
import { useTranslation } from 'react-i18next'

/** Previous / next page buttons around the current page number. */
export function CursorPager({
  page,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
  label,
}: {
  page: number
  hasPrevious: boolean
  hasNext: boolean
  onPrevious: () => void
  onNext: () => void
  /** Name of the navigation landmark, when the page has more than one pager. */
  label?: string
}) {
  const { t } = useTranslation()
  return (
    <Flex component="nav" aria-label={label ?? t('customers.pagination')} align="center" justify="flex-end" gap={12} style={{ marginTop: 16 }}>
      <Button icon={<LeftOutlined />} disabled={!hasPrevious} onClick={onPrevious}>
        {t('customers.previousPage')}
      </Button>
      <Typography.Text aria-live="polite">{t('customers.page', { page })}</Typography.Text>
      <Button disabled={!hasNext} onClick={onNext} icon={<RightOutlined />} iconPlacement="end">
        {t('customers.nextPage')}
      </Button>
    </Flex>
  )
}
