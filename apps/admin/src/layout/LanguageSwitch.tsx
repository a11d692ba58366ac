import { Segmented } from 'antd'
import { useTranslation } from 'react-i18next'
import { setLanguage } from '../i18n/i18n'
import { languages, toLanguage, type Language } from '../i18n/languages'

/** Switches between English and 中文; the choice is kept in localStorage. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  return (
    <Segmented<Language>
      aria-label={t('header.language')}
      value={toLanguage(i18n.resolvedLanguage ?? i18n.language)}
      options={languages.map((language) => ({ value: language, label: <span lang={language}>{t(`languages.${language}`)}</span> }))}
      onChange={(language) => void setLanguage(language)}
    />
  )
}
