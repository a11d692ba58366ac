import CopyOutlined from '@ant-design/icons/CopyOutlined'
import { Alert, App, Button, Flex, Input, Modal } from 'antd'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'

/** Shows a new key's secret, the only time it exists in clear, with a copy button and a warning. */
export function ShownKeyModal({ created, onClose }: { created: { name: string; key: string } | null; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const inputId = useId()
  const copy = async () => {
    if (!created) return
    try {
      await navigator.clipboard.writeText(created.key)
      void message.success(t('apiKeys.shown.copied'))
    } catch {
      void message.error(t('apiKeys.shown.copyFailed'))
    }
  }
  return (
    <Modal
      open={created !== null}
      title={t('apiKeys.shown.title', { name: created?.name ?? '' })}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          {t('apiKeys.shown.done')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('apiKeys.shown.warning')} style={{ marginBottom: 16 }} />
      <label htmlFor={inputId} style={{ display: 'block', marginBottom: 8 }}>
        {t('apiKeys.shown.label')}
      </label>
      <Flex gap={8}>
        <Input id={inputId} readOnly value={created?.key ?? ''} data-testid="new-api-key" style={{ fontFamily: 'monospace' }} onFocus={(e) => e.currentTarget.select()} />
        <Button icon={<CopyOutlined />} onClick={() => void copy()}>
          {t('apiKeys.shown.copy')}
        </Button>
      </Flex>
    </Modal>
  )
}
