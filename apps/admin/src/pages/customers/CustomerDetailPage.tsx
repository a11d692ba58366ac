import ArrowLeftOutlined from '@ant-design/icons/ArrowLeftOutlined'
import { useQuery } from '@tanstack/react-query'
import { Button, Flex, Result, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useNavigate, useParams } from 'react-router'
import { isApiError } from '@rapport/admin-kit'
import { getCustomer } from '../../api/customers'
import { PageLoading } from '@rapport/admin-kit'
import { QueryErrorResult } from '@rapport/admin-kit'
import { errorMessage } from '@rapport/admin-kit'
import { CustomerAttributes } from './CustomerAttributes'
import { CustomerActions } from './CustomerActions'
import { CustomerProfile } from './CustomerProfile'
import { CustomerTimeline } from './CustomerTimeline'
import { PluginProfileGroups } from './PluginProfileGroups'
import { listReturnOf } from './list-return'

/**
 * `/admin/customers/:id`, the customer 360: the core record, every enabled plugin's profile fields
 * (each with why it has its value), the actions plugins offer, the attributes and the timeline.
 */
export default function CustomerDetailPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const location = useLocation()
  const { id = '' } = useParams()
  const back = listReturnOf(location.state)
  const backTo = { pathname: '/customers', search: back.search }
  const backState = { cursors: back.cursors }
  const customer = useQuery({ queryKey: ['customers', 'detail', id], queryFn: ({ signal }) => getCustomer(id, signal) })

  if (customer.isPending) return <PageLoading />
  if (customer.isError) {
    if (isApiError(customer.error, 'CUSTOMER_NOT_FOUND') || (isApiError(customer.error) && customer.error.status === 404)) {
      return (
        <Result
          status="404"
          title={t('customer.notFoundTitle')}
          subTitle={errorMessage(t, customer.error)}
          extra={<Button onClick={() => void navigate(backTo, { state: backState })}>{t('customer.back')}</Button>}
        />
      )
    }
    return <QueryErrorResult error={customer.error} onRetry={() => void customer.refetch()} />
  }

  const c = customer.data
  return (
    <Flex vertical gap={16}>
      <Link to={backTo} state={backState}>
        <ArrowLeftOutlined /> {t('customer.back')}
      </Link>
      <Flex align="center" gap={12} wrap>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {c.name ?? t('customer.unnamed')}
        </Typography.Title>
        <Typography.Text type="secondary" copyable>
          {c.externalId}
        </Typography.Text>
        {c.erasedAt && <Tag color="red">{t('customer.erased')}</Tag>}
      </Flex>
      <CustomerActions customer={c} />
      <CustomerProfile customer={c} />
      <PluginProfileGroups customer={c} />
      <CustomerAttributes attributes={c.attributes} />
      <CustomerTimeline customerId={c.id} />
    </Flex>
  )
}
