import { usePluginTranslation } from '@rapport/admin-kit'
import { useQuery } from '@tanstack/react-query'
import { Select } from 'antd'
import { listCannedReplies } from '../api'

/** Picks a canned reply in the page's language offered for the case's category; the composer inserts its text. */
export function CannedReplyPicker({ category, onPick }: { category: string; onPick: (body: string) => void }) {
  const { t, language } = usePluginTranslation('complaint-tracking')
  const locale = language === 'zh-CN' ? 'zh-CN' : 'en'
  const replies = useQuery({ queryKey: ['complaint-tracking', 'canned-replies', locale, category], queryFn: ({ signal }) => listCannedReplies({ locale, category }, signal) })
  const items = replies.data?.items ?? []
  return (
    <Select<string> aria-label={t('canned.insert')} placeholder={t('canned.insert')} value={null} loading={replies.isPending} style={{ minWidth: 220, marginBottom: 8 }}
      notFoundContent={t('canned.none')} showSearch={{ optionFilterProp: 'label' }} options={items.map((r) => ({ value: r.id, label: r.title }))}
      onChange={(id: string) => { const found = items.find((r) => r.id === id); if (found) onPick(found.body) }} />
  )
}
