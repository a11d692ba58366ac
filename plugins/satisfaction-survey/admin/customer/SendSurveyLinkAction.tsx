import SendOutlined from '@ant-design/icons/SendOutlined'
import { usePluginTranslation, type CustomerActionProps } from '@rapport/admin-kit'
import { useMutation, useQuery } from '@tanstack/react-query'
import { Alert, Button, Flex, Modal, Select, Typography } from 'antd'
import { useId, useState } from 'react'
import { absoluteUrl, createInvitation, type IssuedInvitation } from '../api/distribution'
import { listSurveys } from '../api/surveys'
import { useSurveyErrorText } from '../api/use-survey-error-text'
import { useSurveyPermissions } from '../api/use-survey-permissions'

/**
 * The customer page's "send survey link": pick a published survey, issue this customer's signed
 * link (`POST /surveys/{id}/invitations`), then show it to copy.
 */
export default function SendSurveyLinkAction({ customerId }: CustomerActionProps) {
  const { t } = usePluginTranslation('satisfaction-survey')
  const errorText = useSurveyErrorText()
  const id = useId()
  const [open, setOpen] = useState(false)
  const [surveyId, setSurveyId] = useState<string>()
  const [issued, setIssued] = useState<IssuedInvitation>()
  const surveys = useQuery({ queryKey: ['satisfaction-survey', 'surveys'], queryFn: ({ signal }) => listSurveys(signal), enabled: open })
  const published = (surveys.data?.items ?? []).filter((s) => s.status === 'published')
  const issue = useMutation({ mutationFn: () => createInvitation(surveyId!, { customerId }), onSuccess: setIssued })
  const close = () => { setOpen(false); setIssued(undefined); setSurveyId(undefined); issue.reset() }
  const url = issued ? absoluteUrl(issued.url) : undefined
  const may = useSurveyPermissions()
  if (!may.invite) return null
  return (
    <>
      <Button icon={<SendOutlined />} onClick={() => setOpen(true)}>{t('customerAction.sendLink')}</Button>
      <Modal
        open={open}
        title={t('customerAction.sendLinkTitle')}
        onCancel={close}
        destroyOnHidden
        footer={url
          ? <Button type="primary" onClick={close}>{t('customerAction.done')}</Button>
          : [
            <Button key="cancel" onClick={close}>{t('common.cancel')}</Button>,
            <Button key="ok" type="primary" disabled={!surveyId} loading={issue.isPending} onClick={() => issue.mutate()}>{t('customerAction.createLink')}</Button>,
          ]}
      >
        <Flex vertical gap={12}>
          <Flex vertical gap={4}>
            <label htmlFor={`${id}-survey`}>{t('customerAction.survey')}</label>
            <Select<string>
              id={`${id}-survey`}
              value={surveyId}
              onChange={(value) => { setSurveyId(value); setIssued(undefined) }}
              loading={surveys.isPending}
              placeholder={t('customerAction.surveyPlaceholder')}
              notFoundContent={t('customerAction.noPublished')}
              options={published.map((s) => ({ value: s.id, label: s.name }))}
            />
          </Flex>
          {issue.isError && <Alert type="error" showIcon role="alert" title={errorText(issue.error)} />}
          {url && (
            <Alert
              type="success"
              showIcon
              title={t('distribution.linkCreated')}
              description={
                <Typography.Paragraph copyable={{ text: url, tooltips: [t('distribution.copy'), t('distribution.copied')] }} style={{ marginBottom: 0 }} data-testid="customer-survey-link">
                  {url}
                </Typography.Paragraph>
              }
            />
          )}
        </Flex>
      </Modal>
    </>
  )
}
