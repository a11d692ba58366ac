import DeleteOutlined from '@ant-design/icons/DeleteOutlined'
import { errorMessage } from '@rapport/admin-kit'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Input, Modal, Typography } from 'antd'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { eraseCustomer } from '../../api/customers'
import type { CustomerDetail } from '../../api/types'

/**
 * Owners: erases the customer's personal data. The confirmation asks to type the customer's
 * external id, so the wrong customer is not erased by a stray click.
 */
export function EraseCustomerButton({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const client = useQueryClient()
  const inputId = useId()
  const [open, setOpen] = useState(false)
  const [typed, setTyped] = useState('')
  const expected = customer.externalId ?? customer.id
  const erase = useMutation({
    mutationFn: () => eraseCustomer(customer.id),
    onSuccess: () => {
      void message.success(t('customer.erase.done'))
      void client.invalidateQueries({ queryKey: ['customers'] })
      setOpen(false)
    },
  })
  return (
    <>
      <Button danger icon={<DeleteOutlined />} onClick={() => { setTyped(''); erase.reset(); setOpen(true) }}>
        {t('customer.erase.button')}
      </Button>
      <Modal
        open={open}
        title={t('customer.erase.title')}
        okText={t('customer.erase.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, disabled: typed.trim() !== expected, loading: erase.isPending }}
        onCancel={() => setOpen(false)}
        onOk={() => erase.mutate()}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('customer.erase.body')}</Typography.Paragraph>
        <label htmlFor={inputId}>
          {t('customer.erase.typeToConfirm')} <Typography.Text code>{expected}</Typography.Text>
        </label>
        <Input id={inputId} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" style={{ marginTop: 8 }} />
        {erase.isError && <Alert type="error" showIcon role="alert" title={errorMessage(t, erase.error)} style={{ marginTop: 12 }} />}
      </Modal>
    </>
  )
}
