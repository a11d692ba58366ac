import { DeleteOutlined, SaveOutlined } from '@ant-design/icons'
import { Button, Input, Modal, Select, Space, Tooltip } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ListKit } from './use-list-kit'

/** A person's named filters for the list: pick one to apply it, save the current ones, delete one. */
export function SavedFilters({ kit }: { kit: ListKit<any, any> }) {
  const { t } = useTranslation()
  const [picked, setPicked] = useState<string>()
  const [naming, setNaming] = useState(false)
  const [name, setName] = useState('')
  if (!kit.applySaved || !kit.saveFilters) return null
  const save = () => {
    const trimmed = name.trim()
    if (!trimmed) return
    kit.saveFilters!(trimmed)
    setPicked(trimmed)
    setNaming(false)
    setName('')
  }
  return (
    <Space.Compact>
      <Select
        aria-label={t('listKit.savedFilters')}
        placeholder={t('listKit.savedFilters')}
        style={{ minWidth: 150 }}
        value={picked}
        allowClear
        notFoundContent={t('listKit.noSavedFilters')}
        options={kit.savedFilters.map((f) => ({ value: f.name, label: f.name }))}
        onChange={(value?: string) => { setPicked(value); if (value) kit.applySaved!(value) }}
      />
      <Tooltip title={t('listKit.saveFilters')}>
        <Button icon={<SaveOutlined />} aria-label={t('listKit.saveFilters')} onClick={() => setNaming(true)} />
      </Tooltip>
      {picked && (
        <Tooltip title={t('listKit.deleteFilter', { name: picked })}>
          <Button icon={<DeleteOutlined />} aria-label={t('listKit.deleteFilter', { name: picked })} onClick={() => { kit.deleteSaved(picked); setPicked(undefined) }} />
        </Tooltip>
      )}
      <Modal title={t('listKit.saveFilters')} open={naming} onOk={save} onCancel={() => setNaming(false)} okButtonProps={{ disabled: !name.trim() }} okText={t('listKit.save')} destroyOnHidden>
        <Input aria-label={t('listKit.filterName')} placeholder={t('listKit.filterName')} value={name} maxLength={60} onChange={(e) => setName(e.target.value)} onPressEnter={save} autoFocus />
      </Modal>
    </Space.Compact>
  )
}
