import { usePluginTranslation } from '@rapport/admin-kit'
import { Card, Col, Flex, Row, Statistic, Table, Typography } from 'antd'
import { Link } from 'react-router'
import { explainPath } from '../components/explain-path'
import type { ConfigPreview, PreviewMove } from '../config-api'

type Kind = 'tiers' | 'segments' | 'recencyStatuses' | 'ladder'
const VOCABULARY: Record<Kind, string> = { tiers: 'tier', segments: 'segment', recencyStatuses: 'recency', ladder: 'ladder' }

/** How many customers the previewed config would move, per kind, with example customers linked to their explain page. */
export function PreviewResult({ preview }: { preview: ConfigPreview }) {
  const { t } = usePluginTranslation('tiering')
  const name = (kind: Kind, key: string | null) => t(`${VOCABULARY[kind]}.${key ?? 'none'}`)
  const moves = (kind: Kind, list: PreviewMove[]) => (
    <Table<PreviewMove>
      size="small" pagination={false} rowKey={(m) => `${m.from}>${m.to}`} dataSource={list} locale={{ emptyText: t('preview.nothing') }}
      columns={[
        { title: t('preview.from'), key: 'from', render: (_, m) => name(kind, m.from) },
        { title: t('preview.to'), key: 'to', render: (_, m) => name(kind, m.to) },
        { title: t('preview.count'), dataIndex: 'count', align: 'right' },
        { title: t('preview.examples'), key: 'examples', render: (_, m) => (
          <Flex gap={8} wrap>{m.examples.map((id) => <Link key={id} to={explainPath(id)}>{id}</Link>)}</Flex>
        ) },
      ]}
    />
  )
  return (
    <Card title={t('preview.title')} data-testid="tiering-preview">
      <Typography.Paragraph type="secondary">{t('preview.customers', { count: preview.customers })}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}><Statistic title={`${t('preview.tiers')} · ${t('preview.moved')}`} value={preview.tiers.moved} /></Col>
        <Col xs={12} md={6}><Statistic title={t('preview.upgrades')} value={preview.tiers.upgrades} /></Col>
        <Col xs={12} md={6}><Statistic title={t('preview.downgrades')} value={preview.tiers.downgrades} /></Col>
        <Col xs={12} md={6}><Statistic title={`${t('preview.segments')} · ${t('preview.moved')}`} value={preview.segments.moved} /></Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>{t('preview.policy', { policy: t(`settings.${preview.tiers.downgradePolicy}`) })}</Typography.Paragraph>
      <Typography.Title level={4}>{t('preview.tiers')}</Typography.Title>
      {moves('tiers', preview.tiers.moves)}
      <Typography.Title level={4}>{t('preview.segments')}</Typography.Title>
      {moves('segments', preview.segments.moves)}
      <Typography.Title level={4}>{t('preview.recencyStatuses')}</Typography.Title>
      {moves('recencyStatuses', preview.recencyStatuses.moves)}
      <Typography.Title level={4}>{t('preview.ladder')}</Typography.Title>
      {!preview.ladder.changed ? <Typography.Paragraph>{t('preview.ladderUnchanged')}</Typography.Paragraph> : (
        <>
          {preview.ladder.sampled && <Typography.Paragraph type="secondary">{t('preview.ladderSampled', { checked: preview.ladder.checked })}</Typography.Paragraph>}
          {moves('ladder', preview.ladder.moves)}
        </>
      )}
    </Card>
  )
}
