/** The two languages the analyser reads: Chinese (any Han script) and English (everything else). */
export type TextLanguage = 'zh' | 'en'

const HAN = /\p{Script=Han}/u

/** Chinese when the text holds any Han character: a zh-CN comment with an English brand name is still Chinese. */
export function textLanguage(text: string): TextLanguage {
  return HAN.test(text) ? 'zh' : 'en'
}
