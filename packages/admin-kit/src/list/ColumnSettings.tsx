import { ArrowDownOutlined, ArrowUpOutlined, SettingOutlined } from '@ant-design/icons'
import { Button, Checkbox, Flex, Popover, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ListKit } from './use-list-kit'

/**
 * Pro's column setting: show or hide each column and move it up or down (buttons rather than
 * dragging, so keyboards and screen readers can do it too), with a reset.
 */
export function ColumnSettings({ kit }: { kit: ListKit<never, never> | ListKit<any, any> }) {
  const { t } = useTranslation()
  const columns = kit.settingsColumns
  const content = (
    <Flex vertical gap={4} style={{ minWidth: 220 }} role="group" aria-label={t('listKit.columns')}>
      <Flex justify="space-between" align="center">
        <Typography.Text strong>{t('listKit.columns')}</Typography.Text>
        <Button type="link" size="small" onClick={kit.resetColumns}>{t('listKit.reset')}</Button>
      </Flex>
      {columns.map((c, i) => (
        <Flex key={c.key} justify="space-between" align="center" gap={8}>
          <Checkbox checked={c.visible} disabled={!c.hideable} onChange={(e) => kit.setVisible(c.key, e.target.checked)}>{c.title}</Checkbox>
          <span>
            <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={i === 0} aria-label={t('listKit.moveUp', { column: c.title })} onClick={() => kit.move(c.key, -1)} />
            <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={i === columns.length - 1} aria-label={t('listKit.moveDown', { column: c.title })} onClick={() => kit.move(c.key, 1)} />
          </span>
        </Flex>
      ))}
    </Flex>
  )
  return (
    <Popover content={content} trigger="click" placement="bottomRight">
      <Tooltip title={t('listKit.columns')}>
        <Button type="text" icon={<SettingOutlined />} aria-label={t('listKit.columns')} />
      </Tooltip>
    </Popover>
  )
}
