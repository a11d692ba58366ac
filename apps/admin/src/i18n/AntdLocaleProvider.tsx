import { ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { toLanguage } from './languages'

const antdLocales = { en: enUS, 'zh-CN': zhCN } as const

/**
 * The admin's colours. antd's defaults for secondary text, placeholders, errors, warnings and green tags
 * fall below WCAG AA contrast (4.5:1) on white and on the page background; these reach it.
 */
const adminTheme = {
  colorPrimary: '#2f54eb',
  colorLink: '#2f54eb',
  colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
  colorTextDescription: 'rgba(0, 0, 0, 0.6)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
  colorError: '#cf1322',
  colorWarningText: '#ad4e00',
  // Preset tag colours draw their text in the palette's 7th shade: seeding one shade darker than
  // antd's base keeps that text at 4.5:1 on the tag's own background.
  green: '#237804',
  orange: '#ad4e00',
  gold: '#ad6800',
  yellow: '#ad8b00',
  lime: '#5b8c00',
  cyan: '#006d75',
} as const

/** antd's ConfigProvider with the locale of the current i18next language, plus the admin theme. */
export function AntdLocaleProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation()
  return (
    <ConfigProvider
      locale={antdLocales[toLanguage(i18n.resolvedLanguage ?? i18n.language)]}
      theme={{ token: adminTheme }}
      button={{ autoInsertSpace: false }}
    >
      {children}
    </ConfigProvider>
  )
}
