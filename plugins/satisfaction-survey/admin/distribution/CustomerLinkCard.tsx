import { useDebouncedValue, usePluginTranslation } from '@rapport/admin-kit'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, Card, Checkbox, Flex, InputNumber, Select, Spin, Typography } from 'antd'
import { useId, useState } from 'react'
import { absoluteUrl, createInvitation, searchCustomers, type IssuedInvitation } from '../api/distribution'
import type { Survey } from '../api/surveys'
import { useSurveyErrorText } from '../api/use-survey-error-text'

/** Pick a customer, create their signed link, copy it. */
export function CustomerLinkCard({ survey }: { survey: Survey }) {
  const { t } = usePluginTranslation('satisfaction-survey')
  const id = useId()
  const errorText = useSurveyErrorText()
  const queryClient = useQueryClient()
  const [search, setSearch] = useState('')
  const [customerId, setCustomerId] = useState<string>()
  const [locale, setLocale] = useState<string>(survey.defaultLocale)
  const [ttlDays, setTtlDays] = useState<number | null>(null)
  const [ignoreQuiet, setIgnoreQuiet] = useState(false)
  const [issued, setIssued] = useState<IssuedInvitation>()
  const q = useDebouncedValue(search, 250)
  const customers = useQuery({ queryKey: ['satisfaction-survey', 'customer-search', q], queryFn: ({ signal }) => searchCustomers(q, signal) })
  const create = useMutation({
    mutationFn: () => createInvitation(survey.id, { customerId: customerId!, locale, ...(ttlDays ? { ttlDays } : {}), ignoreQuietPeriod: ignoreQuiet }),
    onSuccess: (invitation) => {
      setIssued(invitation)
      void queryClient.invalidateQueries({ queryKey: ['satisfaction-survey', 'invitations', survey.id] })
    },
  })
  const url = issued ? absoluteUrl(issued.url) : undefined
  return (
    <Card title={t('distribution.customerLink')}>
      <Flex vertical gap={12}>
        <Flex vertical gap={4}>
          <label htmlFor={`${id}-customer`}>{t('distribution.customer')}</label>
          <Select<string>
            id={`${id}-customer`}
            showSearch
            filterOption={false}
            onSearch={setSearch}
            value={customerId}
            onChange={(value) => { setCustomerId(value); setIssued(undefined) }}
            placeholder={t('distribution.customerPlaceholder')}
            notFoundContent={customers.isFetching ? <Spin size="small" /> : t('distribution.noCustomer')}
            options={(customers.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name ?? c.externalId} · ${c.externalId}` }))}
            style={{ maxWidth: 420 }}
          />
        </Flex>
        <Flex gap={16} wrap align="flex-end">
          <Flex vertical gap={4}>
            <label htmlFor={`${id}-locale`}>{t('distribution.locale')}</label>
            <Select<string> id={`${id}-locale`} style={{ width: 160 }} value={locale} onChange={setLocale} options={survey.locales.map((l) => ({ value: l, label: t(`locale.${l}`) }))} />
          </Flex>
          <Flex vertical gap={4}>
            <label htmlFor={`${id}-ttl`}>{t('distribution.ttlDays')}</label>
            <InputNumber id={`${id}-ttl`} min={1} max={365} value={ttlDays} onChange={setTtlDays} placeholder={t('distribution.ttlDefault')} style={{ width: 160 }} />
          </Flex>
          <Checkbox checked={ignoreQuiet} onChange={(e) => setIgnoreQuiet(e.target.checked)}>
            {t('distribution.ignoreQuiet')}
          </Checkbox>
        </Flex>
        <Button type="primary" style={{ alignSelf: 'flex-start' }} disabled={!customerId} loading={create.isPending} onClick={() => create.mutate()}>
          {t('distribution.createLink')}
        </Button>
        {create.isError && <Alert type="error" showIcon role="alert" message={errorText(create.error)} />}
        {url && (
          <Alert
            type="success"
            showIcon
            message={t('distribution.linkCreated')}
            description={
              <Typography.Paragraph copyable={{ text: url, tooltips: [t('distribution.copy'), t('distribution.copied')] }} style={{ marginBottom: 0 }} data-testid="customer-link">
                {url}
              </Typography.Paragraph>
            }
          />
        )}
      </Flex>
    </Card>
  )
}
