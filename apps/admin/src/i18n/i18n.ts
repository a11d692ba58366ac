/**
 * @module
 * The i18next instance of the admin, with the en and zh-CN resources (the shell's, the message
 * pages' namespace `messages`, each plugin's). Changing the language
 * updates `<html lang>` and the title, and switches dayjs (antd follows through
 * `AntdLocaleProvider`); `setLanguage` also remembers the choice.
 */
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import en from './en.json'
import zhCN from './zh-CN.json'
import messagesEn from '../pages/messages/i18n/en.json'
import messagesZhCN from '../pages/messages/i18n/zh-CN.json'
import { installedPluginAdmins } from '../plugins/installed-plugin-admins'
import { initialLanguage, languages, storeLanguage, toLanguage, type Language } from './languages'

/** The resources, keyed by language: the shell's own texts, then each plugin's under its name. */
export const resources = {
  en: { translation: en, messages: messagesEn, ...Object.fromEntries(installedPluginAdmins.map((admin) => [admin.plugin, admin.messages.en])) },
  'zh-CN': { translation: zhCN, messages: messagesZhCN, ...Object.fromEntries(installedPluginAdmins.map((admin) => [admin.plugin, admin.messages['zh-CN']])) },
}

const dayjsLocale = { en: 'en', 'zh-CN': 'zh-cn' } as const

const applyLanguage = (tag: string): void => {
  const language = toLanguage(tag)
  document.documentElement.lang = language
  document.title = i18next.t('app.documentTitle')
  dayjs.locale(dayjsLocale[language])
}

i18next.on('languageChanged', applyLanguage)

void i18next.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...languages],
  interpolation: { escapeValue: false },
})

/** Switches the admin to `language` and remembers the choice. */
export const setLanguage = async (language: Language): Promise<void> => {
  storeLanguage(language)
  await i18next.changeLanguage(language)
}

export { i18next }
