import { ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { toLanguage } from './languages'

const antdLocales = { en: enUS, 'zh-CN': zhCN } as const

/** antd's ConfigProvider with the locale of the current i18next language, plus the admin theme. */
export function AntdLocaleProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation()
  return (
    <ConfigProvider
      locale={antdLocales[toLanguage(i18n.resolvedLanguage ?? i18n.language)]}
      theme={{ token: { colorPrimary: '#2f54eb' } }}
      button={{ autoInsertSpace: false }}
    >
      {children}
    </ConfigProvider>
  )
}
