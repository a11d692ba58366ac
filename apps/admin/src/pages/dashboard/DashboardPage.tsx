import AppstoreOutlined from '@ant-design/icons/AppstoreOutlined'
import { QueryErrorResult, useBusinessTimeZone } from '@rapport/admin-kit'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Button, Card, Col, DatePicker, Empty, Flex, Row, Spin, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { getDashboard } from '../../api/dashboard'
import { pluginListQuery } from '../plugins/plugin-queries'
import { SavedSegmentSelect } from './SavedSegmentSelect'
import { SegmentFilter } from './SegmentFilter'
import { toFilters, type SegmentCondition } from './segment-conditions'
import { ArrangeWidgetsDrawer } from './ArrangeWidgetsDrawer'
import { useDashboardLayout } from './use-dashboard-layout'
import { WidgetCard } from './WidgetCard'
import { orderWidgets, widgetKey } from './widget-order'

const day = (d: Dayjs) => d.format('YYYY-MM-DD')

/** Today in the business's time zone, as a calendar day. */
const businessToday = (timeZone: string): Dayjs => dayjs(new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date()))

/**
 * Every enabled plugin's widgets for one date range and segment, in the user's own order with
 * the widgets they hid left out, each beside its previous period. A change of range or segment
 * is one request (`GET /api/v1/dashboard`); the widgets keep showing the previous figures meanwhile.
 */
export default function DashboardPage() {
  const { t, i18n } = useTranslation()
  const layout = useDashboardLayout()
  const [arranging, setArranging] = useState(false)
  const timeZone = useBusinessTimeZone()
  const today = businessToday(timeZone)
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [today.subtract(29, 'day'), today])
  const [conditions, setConditions] = useState<SegmentCondition[]>([])
  const [segment, setSegment] = useState<string | undefined>()
  const filter = useMemo(() => toFilters(conditions), [conditions])
  const query = { from: day(range[0]), to: day(range[1]), filter, segment }
  const dashboard = useQuery({ queryKey: ['dashboard', query], queryFn: ({ signal }) => getDashboard(query, signal), placeholderData: keepPreviousData })
  const plugins = useQuery(pluginListQuery)
  const arranged = orderWidgets(dashboard.data?.widgets ?? [], layout.data?.widgets ?? [])
  const shown = arranged.filter((w) => !w.hidden)
  const fieldsByPlugin = (plugins.data ?? []).filter((p) => p.state === 'active' && p.profileFields.length > 0).map((p) => ({ plugin: p.name, fields: p.profileFields }))

  const presets = [
    { label: t('dashboard.last7'), value: [today.subtract(6, 'day'), today] as [Dayjs, Dayjs] },
    { label: t('dashboard.last30'), value: [today.subtract(29, 'day'), today] as [Dayjs, Dayjs] },
    { label: t('dashboard.last90'), value: [today.subtract(89, 'day'), today] as [Dayjs, Dayjs] },
    { label: t('dashboard.last365'), value: [today.subtract(364, 'day'), today] as [Dayjs, Dayjs] },
  ]

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('dashboard.title')}
        </Typography.Title>
        <Button icon={<AppstoreOutlined />} onClick={() => setArranging(true)} disabled={!dashboard.data || !layout.data}>
          {t('dashboard.arrange')}
        </Button>
      </Flex>
      <Card size="small">
        <Flex gap={24} wrap align="flex-start">
          <Flex vertical gap={4}>
            <Typography.Text strong id="dashboard-range-label">
              {t('dashboard.range')}
            </Typography.Text>
            <DatePicker.RangePicker
              aria-labelledby="dashboard-range-label"
              value={range}
              allowClear={false}
              presets={presets}
              disabledDate={(d) => d.isAfter(today, 'day')}
              onChange={(next) => next?.[0] && next[1] && setRange([next[0], next[1]])}
            />
          </Flex>
          <Flex vertical gap={4} style={{ flex: 1, minWidth: 320 }}>
            <Typography.Text strong>{t('dashboard.segment')}</Typography.Text>
            <SavedSegmentSelect value={segment} onChange={setSegment} />
            <SegmentFilter fieldsByPlugin={fieldsByPlugin} conditions={conditions} onChange={setConditions} />
          </Flex>
          {dashboard.isFetching && <span role="status" aria-label={t('app.loading')}><Spin /></span>}
        </Flex>
      </Card>
      {dashboard.isError ? (
        <QueryErrorResult error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : !dashboard.data ? (
        <span role="status" aria-label={t('app.loading')}><Spin /></span>
      ) : dashboard.data.widgets.length === 0 ? (
        <Empty description={t('dashboard.empty')} />
      ) : shown.length === 0 ? (
        <Empty description={t('dashboard.allHidden')} />
      ) : (
        <Row gutter={[16, 16]}>
          {shown.map(({ widget }) => (
            <Col key={widgetKey(widget)} xs={24} xl={12}>
              <WidgetCard widget={widget} scope={dashboard.data} />
            </Col>
          ))}
        </Row>
      )}
      {arranging && (
        <ArrangeWidgetsDrawer
          open={arranging}
          widgets={arranged.map(({ widget, hidden }) => ({ plugin: widget.plugin, id: widget.id, hidden, title: i18n.resolvedLanguage === 'zh-CN' ? widget.title['zh-CN'] : widget.title.en }))}
          saving={layout.saving}
          onSave={(widgets) => layout.save(widgets, () => setArranging(false))}
          onReset={() => layout.save([], () => setArranging(false))}
          onClose={() => setArranging(false)}
        />
      )}
    </Flex>
  )
}
