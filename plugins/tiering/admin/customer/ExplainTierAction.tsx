import RiseOutlined from '@ant-design/icons/RiseOutlined'
import { usePluginTranslation, type CustomerActionProps } from '@rapport/admin-kit'
import { Button } from 'antd'
import { useNavigate } from 'react-router'
import { explainPath } from '../components/explain-path'

/**
 * The customer page's "why this tier": the explain page of tiering (the cut points the customer's
 * spend, orders and recency were measured against, the ladder conditions met and the tier history),
 * beyond the profile's "why?" popover, which can only name the re-evaluation that set the value.
 */
export default function ExplainTierAction({ customerId }: CustomerActionProps) {
  const { t } = usePluginTranslation('tiering')
  const navigate = useNavigate()
  return (
    <Button icon={<RiseOutlined />} onClick={() => navigate(explainPath(customerId))}>
      {t('customerAction.explain')}
    </Button>
  )
}
