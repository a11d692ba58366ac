import LinkOutlined from '@ant-design/icons/LinkOutlined'
import { useFormatters, usePluginTranslation } from '@rapport/admin-kit'
import { useMutation } from '@tanstack/react-query'
import { App, Button, Input, Modal, Typography } from 'antd'
import { useState } from 'react'
import { issueMemberLink } from '../api'
import { errorText } from '../error-text'

const TTL_DAYS = 30

/** Issues a signed link to the member's own page and shows it to copy and send. */
export function MemberLinkButton({ customerId }: { customerId: string }) {
  const { t, language } = usePluginTranslation('points-membership')
  const f = useFormatters()
  const { message } = App.useApp()
  const [shown, setShown] = useState<{ url: string; expiresAt: string } | null>(null)
  const issue = useMutation({
    mutationFn: () => issueMemberLink(customerId, TTL_DAYS),
    onSuccess: (link) => setShown({ url: `${window.location.origin}${link.path}`, expiresAt: link.expiresAt }),
    onError: (err) => void message.error(errorText(t, err, language)),
  })
  return (
    <>
      <Button icon={<LinkOutlined />} loading={issue.isPending} onClick={() => issue.mutate()}>{t('member.link')}</Button>
      <Modal open={shown !== null} title={t('member.linkTitle')} onCancel={() => setShown(null)} footer={null} destroyOnHidden>
        {shown && (
          <>
            <Typography.Paragraph type="secondary">{t('member.linkHelp', { days: TTL_DAYS, expiresAt: f.dateTime(shown.expiresAt) })}</Typography.Paragraph>
            <Input
              readOnly
              aria-label={t('member.linkTitle')}
              value={shown.url}
              suffix={<Typography.Text copyable={{ text: shown.url, tooltips: [t('member.linkCopy'), t('member.linkCopied')] }} />}
              data-testid="member-link"
            />
          </>
        )}
      </Modal>
    </>
  )
}
