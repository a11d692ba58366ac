import QuestionCircleOutlined from '@ant-design/icons/QuestionCircleOutlined'
import { Tooltip } from 'antd'

/** A column or card title with its method in a tooltip, reachable by keyboard. */
export function MethodTitle({ title, method }: { title: string; method: string }) {
  return (
    <span>
      {title}{' '}
      <Tooltip title={method}>
        <QuestionCircleOutlined tabIndex={0} role="img" aria-label={method} style={{ color: '#8c8c8c' }} />
      </Tooltip>
    </span>
  )
}
