import DeleteOutlined from '@ant-design/icons/DeleteOutlined'
import PlusOutlined from '@ant-design/icons/PlusOutlined'
import { isApiError, usePluginTranslation } from '@rapport/admin-kit'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, Checkbox, Divider, Flex, Form, Input, InputNumber, Space, Typography } from 'antd'
import { useState } from 'react'
import { savePointsConfig } from '../api'
import { errorText, issuesOf } from '../error-text'
import { BONUS_EVENTS, BonusEventSelect } from './BonusEventSelect'
import { BonusSegmentSelect } from './BonusSegmentSelect'
import { fieldOfIssue, fromForm, toForm, type RulesForm } from './config-form'
import { usePointsPermissions } from '../use-points-permissions'

/**
 * The earning rules of the plugin config: base rate, category multipliers, event bonuses, caps,
 * timing and value. Saved as the whole config; the server's refusals land on the fields they name.
 */
export function EarningRulesForm({ config, currency }: { config: Record<string, unknown>; currency: string }) {
  const { t, language } = usePluginTranslation('points-membership')
  const { message } = App.useApp()
  const client = useQueryClient()
  const [form] = Form.useForm<RulesForm>()
  const [refusal, setRefusal] = useState<string[] | null>(null)
  // Roles that may not change the plugin's config see the rules read-only.
  const readOnly = !usePointsPermissions().configure

  const save = useMutation({
    mutationFn: (v: RulesForm) => savePointsConfig(fromForm(config, v)),
    onSuccess: () => {
      setRefusal(null)
      void message.success(t('rules.saved'))
      void client.invalidateQueries({ queryKey: ['points-membership', 'plugin'] })
    },
    onError: (err, v) => {
      const loose: string[] = []
      const placed = new Map<string, { name: (string | number)[]; errors: string[] }>()
      for (const issue of issuesOf(err)) {
        const name = fieldOfIssue(issue.path, v)
        if (!name) { loose.push(issue.message); continue }
        const key = name.join('.')
        placed.set(key, { name, errors: [...(placed.get(key)?.errors ?? []), issue.message] })
      }
      // Paths into the rows are built at run time; antd types names only as literal tuples.
      form.setFields([...placed.values()] as Parameters<typeof form.setFields>[0])
      setRefusal([isApiError(err, 'PLUGIN_CONFIG_INVALID') ? t('rules.invalid') : errorText(t, err, language), ...loose])
    },
  })

  const positive = { type: 'number' as const, min: 0 }
  return (
    <Card title={t('rules.title')}>
      <Form<RulesForm> form={form} name="points-rules" layout="vertical" disabled={readOnly} initialValues={toForm(config)} onFinish={(v) => save.mutate(v)} onValuesChange={() => setRefusal(null)}>
        {refusal && (
          <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={refusal[0]}
            description={refusal.length > 1 ? <ul style={{ margin: 0 }}>{refusal.slice(1).map((m) => <li key={m}>{m}</li>)}</ul> : undefined} />
        )}
        <Form.Item name="pointsPerUnit" label={t('rules.base', { currency })} extra={t('rules.baseHelp', { currency })} rules={[positive]}>
          <InputNumber min={0} step={0.1} style={{ width: 200 }} />
        </Form.Item>

        <Divider titlePlacement="start">{t('rules.categories')}</Divider>
        <Form.List name="categoryMultipliers">
          {(fields, { add, remove }) => (
            <Flex vertical gap={0}>
              {fields.map((field) => {
                const name = form.getFieldValue(['categoryMultipliers', field.name, 'category']) as string | undefined
                return (
                  <Space key={field.key} align="start" wrap>
                    <Form.Item name={[field.name, 'category']} label={t('rules.category')} rules={[{ required: true, whitespace: true }]}>
                      <Input style={{ width: 180 }} maxLength={64} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'multiplier']} label={t('rules.multiplier')} rules={[{ required: true, type: 'number' }]}>
                      <InputNumber step={0.5} style={{ width: 120 }} />
                    </Form.Item>
                    <Form.Item label=" ">
                      <Button icon={<DeleteOutlined />} aria-label={t('rules.removeCategory', { name: name ?? '' })} onClick={() => remove(field.name)} />
                    </Form.Item>
                  </Space>
                )
              })}
              <Button icon={<PlusOutlined />} onClick={() => add({ category: '', multiplier: 2 })} style={{ alignSelf: 'flex-start' }}>{t('rules.addCategory')}</Button>
            </Flex>
          )}
        </Form.List>

        <Divider titlePlacement="start">{t('rules.events')}</Divider>
        <Typography.Paragraph type="secondary">{t('rules.eventsHelp')}</Typography.Paragraph>
        <Form.List name="eventBonuses">
          {(fields, { add, remove }) => (
            <Flex vertical gap={0}>
              {fields.map((field) => {
                const type = form.getFieldValue(['eventBonuses', field.name, 'type']) as string | undefined
                const name = type && (BONUS_EVENTS as readonly string[]).includes(type) ? t(`rulesEvents.${type.replaceAll('.', '_')}`) : type
                return (
                  <Space key={field.key} align="start" wrap>
                    <Form.Item name={[field.name, 'type']} label={t('rules.eventType')} rules={[{ required: true, whitespace: true }]}>
                      <BonusEventSelect />
                    </Form.Item>
                    <Form.Item name={[field.name, 'points']} label={t('rules.eventPoints')} rules={[{ required: true, type: 'number' }]}>
                      <InputNumber precision={0} style={{ width: 120 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'segmentId']} label={t('bonusSegment.label')}>
                      <BonusSegmentSelect />
                    </Form.Item>
                    <Form.Item name={[field.name, 'oncePerCustomer']} label=" " valuePropName="checked">
                      <Checkbox>{t('rules.oncePerCustomer')}</Checkbox>
                    </Form.Item>
                    <Form.Item label=" ">
                      <Button icon={<DeleteOutlined />} aria-label={t('rules.removeEvent', { name: name ?? '' })} onClick={() => remove(field.name)} />
                    </Form.Item>
                  </Space>
                )
              })}
              <Button icon={<PlusOutlined />} onClick={() => add({ type: 'survey.response.completed', points: 10, oncePerCustomer: false })} style={{ alignSelf: 'flex-start' }}>{t('rules.addEvent')}</Button>
            </Flex>
          )}
        </Form.List>

        <Divider titlePlacement="start">{t('rules.caps')}</Divider>
        <Space wrap align="start">
          <Form.Item name={['caps', 'perDay']} label={t('rules.perDay')}>
            <InputNumber precision={0} placeholder={t('rules.noCap')} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name={['caps', 'perCustomer']} label={t('rules.perCustomer')}>
            <InputNumber precision={0} placeholder={t('rules.noCap')} style={{ width: 200 }} />
          </Form.Item>
        </Space>

        <Divider titlePlacement="start">{t('rules.timing')}</Divider>
        <Space wrap align="start">
          <Form.Item name="returnWindowDays" label={t('rules.returnWindowDays')} rules={[{ required: true, type: 'number' }]}>
            <InputNumber precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="expiryDays" label={t('rules.expiryDays')} rules={[{ required: true, type: 'number' }]}>
            <InputNumber precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="signupBonus" label={t('rules.signupBonus')} rules={[{ required: true, type: 'number' }]}>
            <InputNumber precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="birthdayPoints" label={t('rules.birthdayBonus')} rules={[{ required: true, type: 'number' }]}>
            <InputNumber precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="pointValueMinor" label={t('rules.pointValueMinor', { currency })} rules={[{ required: true, type: 'number' }]}>
            <InputNumber style={{ width: 160 }} />
          </Form.Item>
        </Space>
        {!readOnly && (
          <Form.Item style={{ marginBottom: 0 }}>
            <Button type="primary" htmlType="submit" loading={save.isPending}>{t('common.save')}</Button>
          </Form.Item>
        )}
      </Form>
    </Card>
  )
}
