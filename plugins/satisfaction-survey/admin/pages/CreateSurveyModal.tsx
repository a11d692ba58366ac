import { usePluginTranslation } from '@rapport/admin-kit'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, Form, Input, Modal, Radio, Space, Typography } from 'antd'
import { useNavigate } from 'react-router'
import { createSurvey, listTemplates } from '../api/surveys'
import { useSurveyErrorText } from '../api/use-survey-error-text'
import { blankSurveyJson, withQuestions } from '../builder/survey-document'
import { surveyPaths } from './paths'

type Values = { name: string; source: string }

/** A blank survey starts with one comment question: the server accepts no survey without a question. */
const blankJson = () => withQuestions(blankSurveyJson(), [{ type: 'comment', name: 'question1' }])

/** Name a new survey and start it blank or from one of the server's templates; opens the builder. */
export function CreateSurveyModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, language } = usePluginTranslation('satisfaction-survey')
  const errorText = useSurveyErrorText()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<Values>()
  const templates = useQuery({ queryKey: ['satisfaction-survey', 'templates'], queryFn: ({ signal }) => listTemplates(signal), enabled: open })
  const create = useMutation({
    mutationFn: ({ name, source }: Values) =>
      createSurvey(source === 'blank' ? { name, json: blankJson(), locales: ['zh-CN', 'en'], defaultLocale: language === 'en' ? 'en' : 'zh-CN' } : { name, templateId: source }),
    onSuccess: (survey) => {
      void queryClient.invalidateQueries({ queryKey: ['satisfaction-survey', 'surveys'] })
      onClose()
      form.resetFields()
      void navigate(surveyPaths.builder(survey.id))
    },
  })
  const lang = language === 'zh-CN' ? 'zh-CN' : 'en'
  return (
    <Modal open={open} title={t('create.title')} okText={t('create.submit')} cancelText={t('common.cancel')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" initialValues={{ source: 'blank' }} onFinish={(values) => create.mutate(values)}>
        <Form.Item name="name" label={t('create.name')} rules={[{ required: true, whitespace: true, message: t('create.nameRequired') }]}>
          <Input maxLength={200} autoFocus />
        </Form.Item>
        <Form.Item name="source" label={t('create.source')}>
          <Radio.Group aria-label={t('create.source')}>
            <Space direction="vertical">
              <Radio value="blank">
                <strong>{t('create.blank')}</strong>
                <Typography.Text type="secondary"> — {t('create.blankHint')}</Typography.Text>
              </Radio>
              {(templates.data?.items ?? []).map((tpl) => (
                <Radio key={tpl.id} value={tpl.id}>
                  <strong>{tpl.title[lang]}</strong>
                  <Typography.Text type="secondary"> — {tpl.description[lang]}</Typography.Text>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        {templates.isError && <Alert type="warning" showIcon message={errorText(templates.error)} />}
        {create.isError && <Alert type="error" showIcon message={errorText(create.error)} />}
      </Form>
    </Modal>
  )
}
