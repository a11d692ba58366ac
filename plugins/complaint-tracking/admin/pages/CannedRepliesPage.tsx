import { QueryErrorResult, usePluginTranslation } from '@rapport/admin-kit'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Flex, Form, Input, Modal, Popconfirm, Radio, Table, Typography } from 'antd'
import { useState } from 'react'
import { type CannedReply, type CannedReplyInput, deleteCannedReply, listCannedReplies, saveCannedReply } from '../api'
import { CategorySelect } from '../components/CategorySelect'
import { useComplaintError } from '../components/use-complaint-error'
import { useComplaintLabels } from '../components/use-complaint-labels'
import { useComplaintPermissions } from '../components/use-complaint-permissions'

type Values = { title: string; body: string; locale: 'zh-CN' | 'en'; category?: string }

/** Canned replies in zh-CN and en, per category or for every case: list, add, edit, delete. */
export default function CannedRepliesPage() {
  const { t, language } = usePluginTranslation('complaint-tracking')
  const { category: categoryLabel, config } = useComplaintLabels()
  const may = useComplaintPermissions()
  const { message } = App.useApp()
  const messageOf = useComplaintError()
  const client = useQueryClient()
  const [form] = Form.useForm<Values>()
  const [editing, setEditing] = useState<CannedReply | 'new' | null>(null)
  const replies = useQuery({ queryKey: ['complaint-tracking', 'canned-replies', 'all'], queryFn: ({ signal }) => listCannedReplies({}, signal) })
  const refresh = () => void client.invalidateQueries({ queryKey: ['complaint-tracking', 'canned-replies'] })
  const save = useMutation({
    mutationFn: (v: Values) => saveCannedReply(editing === 'new' || editing === null ? null : editing.id, { ...v, category: v.category ?? null } satisfies CannedReplyInput),
    onSuccess: () => { setEditing(null); void message.success(t('common.saved')); refresh() },
    onError: (err) => void message.error(messageOf(err)),
  })
  const remove = useMutation({ mutationFn: deleteCannedReply, onSuccess: refresh, onError: (err) => void message.error(messageOf(err)) })
  const open = (r: CannedReply | 'new') => {
    form.setFieldsValue(r === 'new' ? { title: '', body: '', locale: language === 'zh-CN' ? 'zh-CN' : 'en', category: undefined } : { ...r, category: r.category ?? undefined })
    setEditing(r)
  }
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="start" wrap gap={8}>
        <div>
          <Typography.Title level={2} style={{ marginTop: 0 }}>{t('canned.title')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('canned.intro')}</Typography.Paragraph>
        </div>
        {may.editCannedReplies && <Button type="primary" onClick={() => open('new')}>{t('canned.add')}</Button>}
      </Flex>
      {replies.isError ? <QueryErrorResult error={replies.error} onRetry={() => void replies.refetch()} /> : (
        <Card>
          <Table<CannedReply> rowKey="id" loading={replies.isPending} dataSource={replies.data?.items ?? []} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('canned.none') }}
            columns={[
              { title: t('canned.titleLabel'), dataIndex: 'title' },
              { title: t('canned.language'), dataIndex: 'locale', render: (l: string) => t(`canned.locale.${l}`) },
              { title: t('list.category'), dataIndex: 'category', render: (c: string | null) => (c ? categoryLabel(c) : t('canned.everyCase')) },
              { title: t('canned.body'), dataIndex: 'body', ellipsis: true, width: 360 },
              { title: '', key: 'actions', render: (_: unknown, r) => may.editCannedReplies && (
                <Flex gap={8}>
                  <Button size="small" onClick={() => open(r)}>{t('canned.edit')}</Button>
                  <Popconfirm title={t('canned.confirmDelete')} okText={t('canned.delete')} cancelText={t('common.cancel')} onConfirm={() => remove.mutate(r.id)}>
                    <Button size="small" danger>{t('canned.delete')}</Button>
                  </Popconfirm>
                </Flex>
              ) },
            ]} />
        </Card>
      )}
      <Modal open={editing !== null} title={editing === 'new' ? t('canned.add') : t('canned.edit')} onCancel={() => setEditing(null)} onOk={() => form.submit()}
        okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={save.isPending} forceRender>
        <Form<Values> form={form} layout="vertical" name="complaint-canned-reply" onFinish={(v: Values) => save.mutate(v)}>
          <Form.Item name="title" label={t('canned.titleLabel')} rules={[{ required: true, whitespace: true, message: t('canned.titleRequired') }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="locale" label={t('canned.language')}>
            <Radio.Group options={[{ value: 'zh-CN', label: t('canned.locale.zh-CN') }, { value: 'en', label: t('canned.locale.en') }]} />
          </Form.Item>
          <Form.Item name="category" label={t('list.category')} extra={t('canned.categoryHint')}>
            <CategorySelect ariaLabel={t('list.category')} categories={config.data?.categories ?? []} allowClear placeholder={t('canned.everyCase')} />
          </Form.Item>
          <Form.Item name="body" label={t('canned.body')} rules={[{ required: true, whitespace: true, message: t('canned.bodyRequired') }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  )
}
