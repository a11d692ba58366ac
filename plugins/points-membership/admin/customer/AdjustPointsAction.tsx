import SlidersOutlined from '@ant-design/icons/SlidersOutlined'
import { isApiError, usePluginTranslation, type CustomerActionProps } from '@rapport/admin-kit'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, Modal } from 'antd'
import { useState } from 'react'
import { enrolMember, getMember } from '../api'
import { errorText } from '../error-text'
import { AdjustPointsModal } from '../members/AdjustPointsModal'
import { usePointsPermissions } from '../use-points-permissions'

/**
 * The customer page's "adjust points": the members page's adjustment form for this customer.
 * A customer who is not a member yet is offered enrolment first.
 */
export default function AdjustPointsAction({ customerId }: CustomerActionProps) {
  const { t, language } = usePluginTranslation('points-membership')
  const client = useQueryClient()
  const [open, setOpen] = useState(false)
  const member = useQuery({ queryKey: ['points-membership', 'member', customerId], queryFn: ({ signal }) => getMember(customerId, signal), enabled: open, retry: false })
  const enrol = useMutation({
    mutationFn: () => enrolMember({ customerId }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['points-membership', 'member', customerId] }),
  })
  const close = () => {
    setOpen(false)
    // The balance is a profile field too: the customer page shows it.
    void client.invalidateQueries({ queryKey: ['customers'] })
  }
  const notMember = member.isError && isApiError(member.error, 'POINTS_MEMBER_NOT_FOUND')
  const may = usePointsPermissions()
  if (!may.adjust) return null
  return (
    <>
      <Button icon={<SlidersOutlined />} onClick={() => setOpen(true)} loading={open && member.isPending}>{t('member.adjust')}</Button>
      {open && member.data && <AdjustPointsModal member={member.data} name={member.data.memberNo} open onClose={close} />}
      {open && member.isError && (
        <Modal
          open
          title={t('member.adjust')}
          onCancel={close}
          cancelText={t('common.cancel')}
          okText={t('customerAction.enrol')}
          okButtonProps={{ disabled: !notMember || !may.enrol, loading: enrol.isPending }}
          onOk={() => enrol.mutate()}
        >
          <Alert type={notMember ? 'info' : 'error'} showIcon title={notMember ? t('customerAction.notMember') : errorText(t, member.error, language)} />
          {enrol.isError && <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={errorText(t, enrol.error, language)} />}
        </Modal>
      )}
    </>
  )
}
