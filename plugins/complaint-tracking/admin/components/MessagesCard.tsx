import { StaffName, useFormatters, usePluginTranslation } from '@rapport/admin-kit'
import { Button, Card, Flex, Form, Input, List, Radio, Tag, Typography } from 'antd'
import { useState } from 'react'
import { type CaseDetail, postMessage } from '../api'
import { CannedReplyPicker } from './CannedReplyPicker'
import { useCaseAction } from './use-case-action'
import { useComplaintPermissions } from './use-complaint-permissions'

/** The case's replies and internal notes, and the composer for either (for roles that may post). */
export function MessagesCard({ kase }: { kase: CaseDetail }) {
  const { t } = usePluginTranslation('complaint-tracking')
  const { dateTime } = useFormatters()
  const [visibility, setVisibility] = useState<'customer' | 'internal'>('customer')
  const [body, setBody] = useState('')
  const send = useCaseAction(kase.id, () => postMessage(kase.id, { body, visibility }), () => setBody(''))
  const closed = kase.status === 'closed'
  const may = useComplaintPermissions()
  return (
    <Card title={t('detail.conversation')}>
      {kase.messages.length === 0 ? <Typography.Text type="secondary">{t('detail.noMessages')}</Typography.Text> : <List
        dataSource={kase.messages}
        renderItem={(m) => (
          <List.Item data-visibility={m.visibility} style={m.visibility === 'internal' ? { background: '#fffbe6', paddingInline: 8 } : { paddingInline: 8 }}>
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Flex gap={8} wrap align="center">
                <Tag color={m.visibility === 'internal' ? 'gold' : 'blue'}>{m.visibility === 'internal' ? t('detail.internal') : t('detail.toCustomer')}</Tag>
                <Typography.Text strong><StaffName value={m.author} /></Typography.Text>
                <Typography.Text type="secondary">{dateTime(m.createdAt)}</Typography.Text>
              </Flex>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{m.body}</Typography.Paragraph>
            </Flex>
          </List.Item>
        )}
      />}
      {!closed && may.reply && (
        <Form layout="vertical" name="complaint-composer" style={{ marginTop: 16 }} onFinish={() => send.mutate(undefined)}>
          <Radio.Group aria-label={t('detail.visibility')} optionType="button" value={visibility} onChange={(e) => setVisibility(e.target.value)}
            options={[{ value: 'customer', label: t('detail.reply') }, { value: 'internal', label: t('detail.note') }]} style={{ marginBottom: 8 }} />
          <div><CannedReplyPicker category={kase.category} onPick={(text) => setBody((b) => (b.trim() ? `${b.trimEnd()}\n${text}` : text))} /></div>
          <Form.Item label={t('detail.composerLabel')} htmlFor="complaint-composer-body" extra={t('detail.replyHint')}>
            <Input.TextArea id="complaint-composer-body" value={body} onChange={(e) => setBody(e.target.value)} autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={send.isPending} disabled={!body.trim()}>
            {visibility === 'customer' ? t('detail.send') : t('detail.addNote')}
          </Button>
        </Form>
      )}
    </Card>
  )
}
