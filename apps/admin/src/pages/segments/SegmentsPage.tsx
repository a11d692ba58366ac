import DownloadOutlined from '@ant-design/icons/DownloadOutlined'
import EditOutlined from '@ant-design/icons/EditOutlined'
import DeleteOutlined from '@ant-design/icons/DeleteOutlined'
import PlusOutlined from '@ant-design/icons/PlusOutlined'
import { errorMessage, ListToolbar, useCan, useFormatters, useListKit, type ListColumn } from '@rapport/admin-kit'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, Flex, Popconfirm, Table, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { deleteSegment, listSegments, segmentCsvHref, type Segment } from '../../api/segments'
import { SegmentCount } from './SegmentCount'
import { SegmentEditorModal } from './SegmentEditorModal'

/** `/admin/segments`: saved segments with their live counts; create, edit, delete and export as CSV. */
export default function SegmentsPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const client = useQueryClient()
  const { dateTime } = useFormatters()
  // What the server lets this user do, from its own route policies.
  const can = useCan()
  const canWrite = can('POST', '/api/v1/segments')
  const canExport = can('GET', '/api/v1/segments/{id}/export.csv')
  const segments = useQuery({ queryKey: ['segments', 'list'], queryFn: ({ signal }) => listSegments(signal) })
  const [editing, setEditing] = useState<{ segment: Segment | undefined } | null>(null)
  const remove = useMutation({
    mutationFn: (segment: Segment) => deleteSegment(segment.id),
    onSuccess: (deleted) => {
      void message.success(t('segments.deleted', { name: deleted.name }))
      void client.invalidateQueries({ queryKey: ['segments'] })
    },
    onError: (err) => void message.error(errorMessage(t, err)),
  })
  const columns: ListColumn<Segment>[] = [
    { key: 'name', title: t('segments.name'), hideable: false, exportValue: (s) => s.name, render: (_, s) => <Typography.Text strong>{s.name}</Typography.Text> },
    // Counted live per row, so not part of the export.
    { key: 'count', title: t('segments.count'), exportable: false, render: (_, s) => <SegmentCount segmentId={s.id} />, width: 140 },
    { key: 'updatedAt', title: t('segments.updatedAt'), exportValue: (s) => dateTime(s.updatedAt), render: (_, s) => dateTime(s.updatedAt), width: 200 },
    {
      key: 'actions',
      title: t('segments.actions'),
      exportable: false,
      render: (_, s) => (
        <Flex gap={8} wrap>
          {canWrite && (
            <Button size="small" icon={<EditOutlined />} aria-label={t('segments.editNamed', { name: s.name })} onClick={() => setEditing({ segment: s })}>
              {t('segments.edit')}
            </Button>
          )}
          {canExport && (
            <Button size="small" icon={<DownloadOutlined />} href={segmentCsvHref(s.id)} download aria-label={t('segments.exportNamed', { name: s.name })}>
              {t('segments.exportCsv')}
            </Button>
          )}
          {canWrite && (
            <Popconfirm
              title={t('segments.deleteConfirm', { name: s.name })}
              okText={t('segments.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => remove.mutateAsync(s)}
            >
              <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('segments.deleteNamed', { name: s.name })}>
                {t('segments.delete')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      ),
    },
  ]
  const kit = useListKit<Segment>({ id: 'segments', columns })
  return (
    <Card>
      <Flex justify="space-between" align="start" gap={16} wrap>
        <div>
          <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>{t('segments.title')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('segments.intro')}</Typography.Paragraph>
        </div>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ segment: undefined })}>
            {t('segments.create')}
          </Button>
        )}
      </Flex>
      {segments.isError && <Alert type="error" showIcon title={errorMessage(t, segments.error)} style={{ marginBottom: 16 }} />}
      <ListToolbar kit={kit} exportName={t('segments.title')} rows={() => segments.data?.items ?? []} onReload={() => void segments.refetch()} />
      <Table<Segment>
        aria-label={t('segments.tableLabel')}
        rowKey="id"
        dataSource={segments.data?.items ?? []}
        loading={segments.isPending}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: t('segments.empty') }}
        size={kit.size}
        columns={kit.columns}
      />
      <SegmentEditorModal open={editing !== null} segment={editing?.segment} onClose={() => setEditing(null)} />
    </Card>
  )
}
