import { usePluginTranslation } from '@rapport/admin-kit'
import { Checkbox, Flex, Input, Select, Typography } from 'antd'
import { useId } from 'react'
import type { Draft } from './draft'
import { surveyLocales, textIn, withText, type SurveyLocale } from './localized'

const hex = /^#[0-9a-fA-F]{6}$/

/** The survey's name, title per locale, languages, default language, brand colour and logo. */
export function SurveySettings({ draft, readOnly = false, onChange }: { draft: Draft; readOnly?: boolean; onChange: (draft: Draft) => void }) {
  const { t } = usePluginTranslation('satisfaction-survey')
  const id = useId()
  const color = draft.theme.brandColor ?? ''
  const setTheme = (key: 'brandColor' | 'logoUrl', value: string) => {
    const theme = { ...draft.theme, [key]: value || undefined }
    if (!value) delete theme[key]
    onChange({ ...draft, theme })
  }
  const setLocales = (locales: SurveyLocale[]) => {
    if (locales.length === 0) return
    onChange({ ...draft, locales, defaultLocale: locales.includes(draft.defaultLocale) ? draft.defaultLocale : locales[0]! })
  }
  return (
    <Flex vertical gap={14}>
      <Flex vertical gap={4}>
        <label htmlFor={`${id}-name`}>{t('settings.name')}</label>
        <Input id={`${id}-name`} disabled={readOnly} value={draft.name} maxLength={200} onChange={(e) => onChange({ ...draft, name: e.target.value })} />
      </Flex>
      {draft.locales.map((locale) => (
        <Flex vertical gap={4} key={locale}>
          <label htmlFor={`${id}-title-${locale}`}>{t('settings.surveyTitle', { locale: t(`locale.${locale}`) })}</label>
          <Input
            id={`${id}-title-${locale}`}
            disabled={readOnly}
            value={textIn(draft.json.title, locale)}
            onChange={(e) => {
              const title = withText(draft.json.title, locale, e.target.value)
              const { title: _old, ...rest } = draft.json
              onChange({ ...draft, json: title ? { ...rest, title } : rest })
            }}
          />
        </Flex>
      ))}
      <Flex vertical gap={4}>
        <Typography.Text id={`${id}-locales`}>{t('settings.languages')}</Typography.Text>
        <Checkbox.Group
          aria-labelledby={`${id}-locales`}
          disabled={readOnly}
          value={draft.locales}
          options={surveyLocales.map((l) => ({ value: l, label: t(`locale.${l}`) }))}
          onChange={(values) => setLocales(surveyLocales.filter((l) => values.includes(l)))}
        />
      </Flex>
      <Flex vertical gap={4}>
        <label htmlFor={`${id}-default`}>{t('settings.defaultLanguage')}</label>
        <Select<SurveyLocale>
          id={`${id}-default`}
          disabled={readOnly}
          style={{ width: 200 }}
          value={draft.defaultLocale}
          options={draft.locales.map((l) => ({ value: l, label: t(`locale.${l}`) }))}
          onChange={(defaultLocale) => onChange({ ...draft, defaultLocale })}
        />
      </Flex>
      <Flex vertical gap={4}>
        <label htmlFor={`${id}-color`}>{t('settings.brandColor')}</label>
        <Flex gap={8} align="center">
          <input
            type="color"
            aria-label={t('settings.brandColorPicker')}
            disabled={readOnly}
            value={hex.test(color) ? color : '#1677ff'}
            onChange={(e) => setTheme('brandColor', e.target.value)}
            style={{ width: 44, height: 32, padding: 0, border: '1px solid #d9d9d9', borderRadius: 6 }}
          />
          <Input id={`${id}-color`} disabled={readOnly} style={{ width: 140 }} placeholder="#1f6feb" value={color} status={color && !hex.test(color) ? 'error' : undefined} onChange={(e) => setTheme('brandColor', e.target.value.trim())} />
        </Flex>
      </Flex>
      <Flex vertical gap={4}>
        <label htmlFor={`${id}-logo`}>{t('settings.logoUrl')}</label>
        <Input id={`${id}-logo`} disabled={readOnly} placeholder="https://…" value={draft.theme.logoUrl ?? ''} onChange={(e) => setTheme('logoUrl', e.target.value.trim())} />
      </Flex>
    </Flex>
  )
}
