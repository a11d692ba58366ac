import { Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { PluginProfileField } from '../../api/types'
import { toLanguage } from '../../i18n/languages'

/** The Profile fields tab: each field's key, label in the current language, kind and allowed values. */
export function PluginProfileFields({ fields }: { fields: PluginProfileField[] }) {
  const { t, i18n } = useTranslation()
  const language = toLanguage(i18n.resolvedLanguage ?? i18n.language)
  return (
    <Table<PluginProfileField>
      aria-label={t('plugin.tabs.profileFields')}
      rowKey="field"
      size="small"
      pagination={false}
      dataSource={fields}
      locale={{ emptyText: t('plugin.profileFields.empty') }}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'label', title: t('plugin.profileFields.label'), render: (_: unknown, f: PluginProfileField) => f.label[language] },
        { key: 'field', title: t('plugin.profileFields.field'), render: (_: unknown, f: PluginProfileField) => <Typography.Text code>{f.field}</Typography.Text> },
        { key: 'kind', title: t('plugin.profileFields.kind'), render: (_: unknown, f: PluginProfileField) => <Tag>{f.kind}</Tag> },
        {
          key: 'values',
          title: t('plugin.profileFields.values'),
          render: (_: unknown, f: PluginProfileField) => (f.values?.length ? f.values.map((v) => <Tag key={v}>{v}</Tag>) : t('common.none')),
        },
      ]}
    />
  )
}
