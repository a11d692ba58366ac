import type en from './en.json'
import type messages from '../pages/messages/i18n/en.json'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof en; messages: typeof messages }
  }
}
