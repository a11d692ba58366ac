import LeftOutlined from '@ant-design/icons/LeftOutlined'
import RightOutlined from '@ant-design/icons/RightOutlined'
import { usePluginTranslation } from '@rapport/admin-kit'
import { Button, Flex, Typography } from 'antd'

/** Previous / next page buttons around the current page number, for cursor-paged lists. */
export function Pager({ page, hasPrevious, hasNext, onPrevious, onNext }: { page: number; hasPrevious: boolean; hasNext: boolean; onPrevious: () => void; onNext: () => void }) {
  const { t } = usePluginTranslation('points-membership')
  if (!hasPrevious && !hasNext) return null
  return (
    <Flex component="nav" aria-label={t('common.pagination')} align="center" justify="flex-end" gap={12}>
      <Button icon={<LeftOutlined />} disabled={!hasPrevious} onClick={onPrevious}>{t('common.previous')}</Button>
      <Typography.Text aria-live="polite">{t('common.pageN', { page })}</Typography.Text>
      <Button disabled={!hasNext} onClick={onNext} icon={<RightOutlined />} iconPlacement="end">{t('common.next')}</Button>
    </Flex>
  )
}
