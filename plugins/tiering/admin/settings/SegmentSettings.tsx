import { usePluginTranslation } from '@rapport/admin-kit'
import { Button, Card, Flex, Form, Select, Typography } from 'antd'
import ArrowDownOutlined from '@ant-design/icons/ArrowDownOutlined'
import ArrowUpOutlined from '@ant-design/icons/ArrowUpOutlined'
import DeleteOutlined from '@ant-design/icons/DeleteOutlined'
import PlusOutlined from '@ant-design/icons/PlusOutlined'
import { SEGMENTS } from '../../shared/vocabulary'
import { ScoreRangeInput } from './ScoreRangeInput'

/** The segment table: rules tried in order (segment, R, F and M ranges), and the segment when none matches. Inside the settings form. */
export function SegmentSettings() {
  const { t } = usePluginTranslation('tiering')
  const options = SEGMENTS.map((s) => ({ value: s, label: t(`segment.${s}`) }))
  const axis = (name: number, key: 'r' | 'f' | 'm') => (
    <Form.Item name={[name, key]} label={t(`segmentsForm.${key}`)} style={{ marginBottom: 8 }}>
      <ScoreRangeInput id={`segment-${name}-${key}`} label={t(`segmentsForm.${key}`)} fromLabel={t('segmentsForm.from')} toLabel={t('segmentsForm.to')} />
    </Form.Item>
  )
  return (
    <Flex vertical gap={8}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{t('segmentsForm.segmentsIntro')}</Typography.Paragraph>
      <Form.List name="segments">
        {(fields, { add, remove, move }) => (
          <Flex vertical gap={8}>
            {fields.map((field, i) => (
              <Card key={field.key} size="small" styles={{ body: { paddingBottom: 0 } }}>
                <Flex gap={12} wrap align="flex-start">
                  <Typography.Text strong style={{ paddingTop: 30, width: 20 }}>{i + 1}</Typography.Text>
                  <Form.Item name={[field.name, 'segment']} label={t('segmentsForm.segment')} htmlFor={`segment-${field.name}-segment`} style={{ marginBottom: 8, width: 180 }}>
                    <Select id={`segment-${field.name}-segment`} options={options} />
                  </Form.Item>
                  {axis(field.name, 'r')}
                  {axis(field.name, 'f')}
                  {axis(field.name, 'm')}
                  <Flex gap={2} style={{ paddingTop: 30 }}>
                    <Button type="text" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={t('segmentsForm.up')} title={t('segmentsForm.up')} />
                    <Button type="text" icon={<ArrowDownOutlined />} disabled={i === fields.length - 1} onClick={() => move(i, i + 1)} aria-label={t('segmentsForm.down')} title={t('segmentsForm.down')} />
                    <Button type="text" danger icon={<DeleteOutlined />} disabled={fields.length === 1} onClick={() => remove(field.name)} aria-label={t('segmentsForm.remove')} title={t('segmentsForm.remove')} />
                  </Flex>
                </Flex>
              </Card>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ segment: 'needAttention', r: [1, 5], f: [1, 5], m: [1, 5] })} style={{ alignSelf: 'flex-start' }}>
              {t('segmentsForm.add')}
            </Button>
          </Flex>
        )}
      </Form.List>
      <Form.Item name="fallbackSegment" label={t('segmentsForm.fallback')} htmlFor="segment-fallback" style={{ maxWidth: 320, marginTop: 8 }}>
        <Select id="segment-fallback" options={options} />
      </Form.Item>
    </Flex>
  )
}
