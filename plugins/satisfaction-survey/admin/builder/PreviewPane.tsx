import { usePluginTranslation } from '@rapport/admin-kit'
import { Card, Radio, Skeleton } from 'antd'
import { lazy, Suspense, useEffect, useState } from 'react'
import type { SurveyJson } from '../api/surveys'
import type { SurveyLocale } from './localized'

const SurveyPreview = lazy(() => import('./SurveyPreview'))

/** The last value of `value` that stayed unchanged for `ms`, so typing does not rebuild the preview on every key. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return settled
}

/** The preview card with its locale switch. */
export function PreviewPane({ json, locales, theme }: { json: SurveyJson; locales: readonly SurveyLocale[]; theme: { brandColor?: string; logoUrl?: string } }) {
  const { t, language } = usePluginTranslation('satisfaction-survey')
  // Starts in the admin's own language when the survey offers it.
  const [locale, setLocale] = useState<SurveyLocale>(locales.find((l) => l === language) ?? locales[0] ?? 'en')
  const shown = locales.includes(locale) ? locale : (locales[0] ?? 'en')
  const settledJson = useSettled(json, 400)
  return (
    <Card
      title={t('preview.title')}
      extra={
        <Radio.Group
          aria-label={t('preview.locale')}
          size="small"
          optionType="button"
          value={shown}
          onChange={(e) => setLocale(e.target.value as SurveyLocale)}
          options={locales.map((l) => ({ value: l, label: t(`locale.${l}`) }))}
        />
      }
      styles={{ body: { padding: 0, maxHeight: 720, overflow: 'auto' } }}
    >
      <section aria-label={t('preview.title')} data-preview-locale={shown}>
        <Suspense fallback={<Skeleton active style={{ padding: 16 }} />}>
          <SurveyPreview json={settledJson} locale={shown} theme={theme} completeText={t('preview.completed')} />
        </Suspense>
      </section>
    </Card>
  )
}
