import { errorMessage, useDebouncedValue } from '@rapport/admin-kit'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Col, Drawer, Flex, Form, Input, Popconfirm, Row, Tabs, Tag, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { getTemplate, previewDraft, resetTemplate, saveTemplate, type Locale, type Texts } from './messages-api'
import { templateLabel } from './message-labels'

const LOCALES: Locale[] = ['zh-CN', 'en']

/** A drawer editing one template in both languages, the preview following each keystroke (rendered by the server with sample values). */
export function TemplateEditor({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation('messages')
  const { t: shell } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  const detail = useQuery({ queryKey: ['messages', 'template', id], queryFn: ({ signal }) => getTemplate(id, signal) })
  const [drafts, setDrafts] = useState<Record<Locale, Texts> | null>(null)
  const [locale, setLocale] = useState<Locale>('zh-CN')
  useEffect(() => { if (detail.data && !drafts) setDrafts(detail.data.locales) }, [detail.data, drafts])
  const current = drafts?.[locale]
  const debounced = useDebouncedValue(current, 300)
  const preview = useQuery({
    queryKey: ['messages', 'template-preview', id, locale, debounced],
    queryFn: ({ signal }) => previewDraft(id, locale, debounced!, signal),
    enabled: Boolean(debounced?.subject && debounced.text && debounced.html),
    placeholderData: (previous) => previous,
  })
  const done = (text: string) => (saved: unknown) => {
    queryClient.setQueryData(['messages', 'template', id], saved)
    setDrafts(null)
    void message.success(text)
  }
  // Only the languages whose texts differ from the built-in ones are stored as edited.
  const changed = () => Object.fromEntries(LOCALES.filter((l) => JSON.stringify(drafts?.[l]) !== JSON.stringify(detail.data?.builtIn[l])).map((l) => [l, drafts![l]]))
  const save = useMutation({ mutationFn: () => saveTemplate(id, changed()), onSuccess: done(t('templates.saved')), onError: (err) => void message.error(errorMessage(shell, err)) })
  const reset = useMutation({ mutationFn: () => resetTemplate(id), onSuccess: done(t('templates.resetDone')), onError: (err) => void message.error(errorMessage(shell, err)) })
  const edit = (field: keyof Texts, value: string) => drafts && setDrafts({ ...drafts, [locale]: { ...drafts[locale], [field]: value } })
  const name = templateLabel(t, id)

  return (
    <Drawer open onClose={onClose} title={t('templates.editorTitle', { name })} size="large" styles={{ body: { paddingTop: 8 } }}
      extra={
        <Flex gap={8}>
          <Popconfirm title={t('templates.resetConfirm')} onConfirm={() => reset.mutateAsync().catch(() => undefined)} okText={t('templates.reset')} cancelText={t('templates.cancel')}>
            <Button loading={reset.isPending}>{t('templates.reset')}</Button>
          </Popconfirm>
          <Button type="primary" onClick={() => save.mutate()} loading={save.isPending} disabled={!drafts}>{t('templates.save')}</Button>
        </Flex>
      }
    >
      {detail.isError && <Alert type="error" showIcon title={errorMessage(shell, detail.error)} />}
      <Tabs activeKey={locale} onChange={(key) => setLocale(key as Locale)}
        items={LOCALES.map((l) => ({ key: l, label: <span>{t(`locales.${l}`)}{detail.data?.edited.includes(l) && <Tag style={{ marginInlineStart: 8 }}>{t('templates.languages')}</Tag>}</span> }))} />
      {current && (
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Typography.Paragraph type="secondary">{t('templates.placeholders', { list: detail.data?.params.map((p) => `{{${p}}}`).join(' ') ?? '' })}</Typography.Paragraph>
            <Form layout="vertical">
              <Form.Item label={t('templates.subject')} htmlFor="template-subject"><Input id="template-subject" value={current.subject} onChange={(e) => edit('subject', e.target.value)} /></Form.Item>
              <Form.Item label={t('templates.text')} htmlFor="template-text"><Input.TextArea id="template-text" autoSize={{ minRows: 5, maxRows: 12 }} value={current.text} onChange={(e) => edit('text', e.target.value)} /></Form.Item>
              <Form.Item label={t('templates.html')} htmlFor="template-html"><Input.TextArea id="template-html" autoSize={{ minRows: 5, maxRows: 12 }} value={current.html} onChange={(e) => edit('html', e.target.value)} /></Form.Item>
            </Form>
          </Col>
          <Col xs={24} lg={12}>
            <Typography.Title level={2} style={{ fontSize: 16 }}>{t('templates.preview')}</Typography.Title>
            {preview.data && (
              <section aria-label={t('templates.preview')}>
                <Typography.Paragraph><Typography.Text type="secondary">{t('templates.previewSubject')}: </Typography.Text><Typography.Text strong data-testid="preview-subject">{preview.data.subject}</Typography.Text></Typography.Paragraph>
                <iframe title={t('templates.html')} sandbox="" srcDoc={preview.data.html} style={{ width: '100%', height: 200, border: '1px solid #eee', borderRadius: 6 }} />
                <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', background: '#fafafa', padding: 12, borderRadius: 6 }}>{preview.data.text}</pre>
              </section>
            )}
          </Col>
        </Row>
      )}
    </Drawer>
  )
}
