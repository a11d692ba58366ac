import DownloadOutlined from '@ant-design/icons/DownloadOutlined'
import { Button, Modal, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { customerExportHref } from '../../api/customers'
import type { CustomerDetail } from '../../api/types'

/** Starts the browser's download of the server's attachment (the session cookie goes along). */
const download = (href: string) => {
  const link = document.createElement('a')
  link.href = href
  link.download = ''
  document.body.append(link)
  link.click()
  link.remove()
}

/** Owners: downloads everything stored about the customer as JSON, after a confirmation (the export is audit-logged). */
export function ExportCustomerButton({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button icon={<DownloadOutlined />} onClick={() => setOpen(true)}>
        {t('customer.export.button')}
      </Button>
      <Modal
        open={open}
        title={t('customer.export.title')}
        okText={t('customer.export.confirm')}
        cancelText={t('common.cancel')}
        onCancel={() => setOpen(false)}
        onOk={() => { download(customerExportHref(customer.id)); setOpen(false) }}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('customer.export.body', { name: customer.name ?? customer.externalId ?? customer.id })}</Typography.Paragraph>
      </Modal>
    </>
  )
}
