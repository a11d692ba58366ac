import PaperClipOutlined from '@ant-design/icons/PaperClipOutlined'
import { useFormatters, usePluginTranslation } from '@rapport/admin-kit'
import { Card, Flex, List, Typography } from 'antd'
import { attachmentHref, type CaseDetail, toUpload, uploadAttachments } from '../api'
import { useCaseAction } from './use-case-action'
import { useComplaintPermissions } from './use-complaint-permissions'

/** The case's files (download) and an upload for more while the case is not closed (for roles that may upload). */
export function AttachmentsCard({ kase }: { kase: CaseDetail }) {
  const { t } = usePluginTranslation('complaint-tracking')
  const { dateTime } = useFormatters()
  const may = useComplaintPermissions()
  const upload = useCaseAction(kase.id, async (files: File[]) => uploadAttachments(kase.id, await Promise.all(files.map(toUpload))))
  return (
    <Card title={t('detail.attachments')}>
      {kase.attachments.length === 0 ? <Typography.Text type="secondary">{t('detail.noAttachments')}</Typography.Text> : <List
        dataSource={kase.attachments} size="small"
        renderItem={(a) => (
          <List.Item>
            <Flex gap={8} wrap align="center">
              <PaperClipOutlined aria-hidden />
              <a href={attachmentHref(kase.id, a.id)} download={a.fileName} aria-label={t('detail.download', { name: a.fileName })}>{a.fileName}</a>
              <Typography.Text type="secondary">{Math.ceil(a.sizeBytes / 1024)} KB · {dateTime(a.createdAt)}</Typography.Text>
            </Flex>
          </List.Item>
        )}
      />}
      {kase.status !== 'closed' && may.upload && (
        <Flex vertical gap={4} style={{ marginTop: 12 }}>
          <label htmlFor="complaint-upload">{t('detail.upload')}</label>
          <input id="complaint-upload" type="file" multiple disabled={upload.isPending}
            onChange={(e) => { const files = [...(e.target.files ?? [])]; e.target.value = ''; if (files.length) upload.mutate(files) }} />
        </Flex>
      )}
    </Card>
  )
}
