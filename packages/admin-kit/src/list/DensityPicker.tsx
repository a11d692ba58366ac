import { ColumnHeightOutlined } from '@ant-design/icons'
import { Button, Dropdown, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ListDensity } from './list-settings'

const densities: ListDensity[] = ['large', 'middle', 'small']

/** Pro's density menu: antd's three table sizes, the current one checked. */
export function DensityPicker({ value, onChange }: { value: ListDensity; onChange: (d: ListDensity) => void }) {
  const { t } = useTranslation()
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [value],
        items: densities.map((d) => ({ key: d, label: t(`listKit.density.${d}`) })),
        onClick: ({ key }) => onChange(key as ListDensity),
      }}
    >
      <Tooltip title={t('listKit.densityLabel')}>
        <Button type="text" icon={<ColumnHeightOutlined />} aria-label={t('listKit.densityLabel')} />
      </Tooltip>
    </Dropdown>
  )
}
