import { usePluginTranslation } from '@rapport/admin-kit'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, Checkbox, Flex, InputNumber, Switch, Typography } from 'antd'
import { useId, useState } from 'react'
import { absoluteUrl } from '../api/distribution'
import { updateSurvey, type PublicLink, type Survey } from '../api/surveys'
import { useSurveyErrorText } from '../api/use-survey-error-text'
import { useSurveyPermissions } from '../api/use-survey-permissions'

/** The snippet that shows the one-question widget on another site. */
export const embedSnippet = (publicToken: string, question: 'nps' | 'csat'): string =>
  `<script src="${absoluteUrl('/s/embed.js')}" data-survey="${publicToken}" data-question="${question}" async></script>`

/** The anonymous public link: on/off, one response per browser, proof of work (for roles that may edit the survey); its URL and the embed code. */
export function PublicLinkCard({ survey }: { survey: Survey }) {
  const { t } = usePluginTranslation('satisfaction-survey')
  const id = useId()
  const { message } = App.useApp()
  const errorText = useSurveyErrorText()
  const queryClient = useQueryClient()
  const [settings, setSettings] = useState<PublicLink>(survey.publicLink)
  const readOnly = !useSurveyPermissions().edit
  const save = useMutation({
    mutationFn: () => updateSurvey(survey.id, { publicLink: settings }),
    onSuccess: (next) => {
      queryClient.setQueryData(['satisfaction-survey', 'survey', survey.id], next)
      setSettings(next.publicLink)
      void message.success(t('distribution.saved'))
    },
  })
  const changed = JSON.stringify(settings) !== JSON.stringify(survey.publicLink)
  const token = survey.publicLink.enabled ? survey.publicToken : null
  const question = survey.scores.nps ? 'nps' : survey.scores.csat ? 'csat' : 'nps'
  return (
    <Card title={t('distribution.publicLink')}>
      <Flex vertical gap={12}>
        <Flex gap={8} align="center">
          <Switch id={`${id}-enabled`} disabled={readOnly} checked={settings.enabled} onChange={(enabled) => setSettings({ ...settings, enabled })} />
          <label htmlFor={`${id}-enabled`}>{t('distribution.publicEnabled')}</label>
        </Flex>
        <Checkbox disabled={readOnly} checked={settings.oneResponsePerClient} onChange={(e) => setSettings({ ...settings, oneResponsePerClient: e.target.checked })}>
          {t('distribution.onePerBrowser')}
        </Checkbox>
        <Flex vertical gap={4}>
          <label htmlFor={`${id}-pow`}>{t('distribution.proofBits')}</label>
          <InputNumber id={`${id}-pow`} disabled={readOnly} min={0} max={24} value={settings.proofOfWorkBits} onChange={(n) => setSettings({ ...settings, proofOfWorkBits: n ?? 0 })} style={{ width: 120 }} />
          <Typography.Text type="secondary">{t('distribution.proofHint')}</Typography.Text>
        </Flex>
        {!readOnly && (
          <Button style={{ alignSelf: 'flex-start' }} onClick={() => save.mutate()} disabled={!changed} loading={save.isPending}>
            {t('distribution.savePublic')}
          </Button>
        )}
        {save.isError && <Alert type="error" showIcon role="alert" message={errorText(save.error)} />}
        {token && (
          <>
            <Flex vertical gap={4}>
              <Typography.Text strong>{t('distribution.publicUrl')}</Typography.Text>
              <Typography.Paragraph copyable={{ tooltips: [t('distribution.copy'), t('distribution.copied')] }} style={{ marginBottom: 0 }}>
                {absoluteUrl(`/s/p/${token}`)}
              </Typography.Paragraph>
            </Flex>
            <Flex vertical gap={4}>
              <Typography.Text strong>{t('distribution.embedCode')}</Typography.Text>
              <Typography.Text type="secondary">{t('distribution.embedHint')}</Typography.Text>
              <Typography.Paragraph copyable={{ tooltips: [t('distribution.copy'), t('distribution.copied')] }} code style={{ marginBottom: 0, wordBreak: 'break-all' }}>
                {embedSnippet(token, question)}
              </Typography.Paragraph>
            </Flex>
          </>
        )}
      </Flex>
    </Card>
  )
}
