import PlusOutlined from '@ant-design/icons/PlusOutlined'
import { errorMessage, useFormatters } from '@rapport/admin-kit'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, Flex, Popconfirm, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { revokeApiKey, type ApiKey } from '../../api/api-keys'
import { apiKeyListQuery } from './api-key-queries'
import { CreateApiKeyModal } from './CreateApiKeyModal'
import { ShownKeyModal } from './ShownKeyModal'

/** `/admin/api-keys` (owners and admins): keys for server-to-server calls; create (shown once) and revoke. */
export default function ApiKeysPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const { dateTime } = useFormatters()
  const keys = useQuery(apiKeyListQuery)
  const [creating, setCreating] = useState(false)
  const [shown, setShown] = useState<{ name: string; key: string } | null>(null)
  const store = (key: ApiKey) =>
    queryClient.setQueryData<ApiKey[]>(apiKeyListQuery.queryKey, (list) => (list?.some((k) => k.id === key.id) ? list.map((k) => (k.id === key.id ? key : k)) : [key, ...(list ?? [])]))
  const revoke = useMutation({
    mutationFn: (key: ApiKey) => revokeApiKey(key.id),
    onSuccess: (revoked) => {
      store(revoked)
      void message.success(t('apiKeys.revoke.done', { name: revoked.name }))
    },
    onError: (err) => void message.error(errorMessage(t, err)),
  })

  return (
    <Card>
      <Flex justify="space-between" align="start" gap={16} wrap>
        <div>
          <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
            {t('apiKeys.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('apiKeys.intro')}</Typography.Paragraph>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('apiKeys.create.open')}
        </Button>
      </Flex>
      {keys.isError && <Alert type="error" showIcon title={errorMessage(t, keys.error)} style={{ marginBottom: 16 }} />}
      <Table<ApiKey>
        aria-label={t('apiKeys.tableLabel')}
        rowKey="id"
        dataSource={keys.data ?? []}
        loading={keys.isPending}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('apiKeys.empty') }}
        columns={[
          { key: 'name', title: t('apiKeys.fields.name'), render: (_, key) => <Typography.Text strong>{key.name}</Typography.Text> },
          {
            key: 'scopes',
            title: t('apiKeys.fields.scopes'),
            render: (_, key) => (
              <Flex gap={4} wrap>
                {key.scopes.map((scope) => (
                  <Tag key={scope}>{scope}</Tag>
                ))}
              </Flex>
            ),
          },
          { key: 'createdAt', title: t('apiKeys.fields.createdAt'), render: (_, key) => dateTime(key.createdAt) },
          { key: 'lastUsedAt', title: t('apiKeys.fields.lastUsedAt'), render: (_, key) => (key.lastUsedAt ? dateTime(key.lastUsedAt) : t('apiKeys.neverUsed')) },
          {
            key: 'state',
            title: t('apiKeys.fields.state'),
            render: (_, key) =>
              key.revokedAt ? <Tag>{t('apiKeys.revokedAt', { at: dateTime(key.revokedAt) })}</Tag> : <Tag color="green">{t('apiKeys.active')}</Tag>,
          },
          {
            key: 'actions',
            title: t('apiKeys.fields.actions'),
            render: (_, key) =>
              key.revokedAt ? null : (
                <Popconfirm
                  title={t('apiKeys.revoke.confirm', { name: key.name })}
                  description={t('apiKeys.revoke.consequence')}
                  okText={t('apiKeys.revoke.action')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => revoke.mutateAsync(key).catch(() => undefined)}
                >
                  <Button size="small" danger loading={revoke.isPending && revoke.variables?.id === key.id} aria-label={t('apiKeys.revoke.label', { name: key.name })}>
                    {t('apiKeys.revoke.action')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <CreateApiKeyModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={({ apiKey, key }) => {
          setCreating(false)
          store(apiKey)
          setShown({ name: apiKey.name, key })
        }}
      />
      <ShownKeyModal created={shown} onClose={() => setShown(null)} />
    </Card>
  )
}
