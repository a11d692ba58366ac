import { usePluginTranslation } from '@rapport/admin-kit'
import { Button, Flex, Form, Input, Typography } from 'antd'
import { useState } from 'react'
import type { TieringConfig } from '../config-api'

type Props = { current: () => TieringConfig; onApply: (config: TieringConfig) => void }

/** The whole config as JSON, for the keys the form does not edit (segments, names, benefits). `current` fills it when opened. */
export function ConfigJsonEditor({ current, onApply }: Props) {
  const { t } = usePluginTranslation('tiering')
  const [text, setText] = useState(() => JSON.stringify(current(), null, 2))
  const [error, setError] = useState<string | null>(null)
  const apply = () => {
    try {
      const parsed = JSON.parse(text) as unknown
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('{ … }')
      setError(null)
      onApply(parsed as TieringConfig)
    } catch (err) {
      setError(t('settings.jsonInvalid', { message: err instanceof Error ? err.message : String(err) }))
    }
  }
  return (
    <Flex vertical gap={8}>
      <Typography.Paragraph type="secondary">{t('settings.jsonIntro')}</Typography.Paragraph>
      <Form.Item label={t('settings.jsonLabel')} htmlFor="tiering-config-json" validateStatus={error ? 'error' : undefined} help={error ?? undefined} layout="vertical">
        <Input.TextArea id="tiering-config-json" value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 12, maxRows: 30 }} spellCheck={false} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <div><Button onClick={apply}>{t('settings.jsonApply')}</Button></div>
    </Flex>
  )
}
