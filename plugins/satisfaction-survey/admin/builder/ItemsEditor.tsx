import ArrowDownOutlined from '@ant-design/icons/ArrowDownOutlined'
import ArrowUpOutlined from '@ant-design/icons/ArrowUpOutlined'
import DeleteOutlined from '@ant-design/icons/DeleteOutlined'
import PlusOutlined from '@ant-design/icons/PlusOutlined'
import { usePluginTranslation } from '@rapport/admin-kit'
import { Button, Flex, Input, Typography } from 'antd'
import { textIn, withText, type SurveyLocale } from './localized'
import { freeName } from './question-types'
import { moved } from './survey-document'

type Item = { value: string; text?: unknown }

/** SurveyJS items are plain values or `{ value, text }`; the editor always writes `{ value, text }`. */
const itemsOf = (raw: unknown): Item[] =>
  (Array.isArray(raw) ? raw : []).map((item) =>
    item && typeof item === 'object' ? { value: String((item as Item).value ?? ''), text: (item as Item).text } : { value: String(item) },
  )

/** Edits a list of choices, matrix rows or columns: value, text in each survey locale, order. */
export function ItemsEditor({ label, items: raw, locales, onChange }: { label: string; items: unknown; locales: readonly SurveyLocale[]; onChange: (items: Item[]) => void }) {
  const { t } = usePluginTranslation('satisfaction-survey')
  const items = itemsOf(raw)
  const set = (index: number, item: Item) => onChange(items.map((it, i) => (i === index ? item : it)))
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend>
        <Typography.Text strong>{label}</Typography.Text>
      </legend>
      <Flex vertical gap={6}>
        {items.map((item, i) => (
          <Flex key={i} gap={6} wrap align="center">
            <Input
              style={{ width: 110 }}
              value={item.value}
              aria-label={t('builder.itemValue', { list: label, n: i + 1 })}
              placeholder={t('builder.value')}
              onChange={(e) => set(i, { ...item, value: e.target.value })}
            />
            {locales.map((locale) => (
              <Input
                key={locale}
                style={{ flex: 1, minWidth: 120 }}
                value={textIn(item.text, locale)}
                aria-label={t('builder.itemText', { list: label, n: i + 1, locale: t(`locale.${locale}`) })}
                placeholder={t(`locale.${locale}`)}
                onChange={(e) => set(i, { ...item, text: withText(item.text, locale, e.target.value) })}
              />
            ))}
            <Button size="small" icon={<ArrowUpOutlined />} aria-label={t('builder.itemUp', { n: i + 1 })} disabled={i === 0} onClick={() => onChange(moved(items, i, i - 1))} />
            <Button size="small" icon={<ArrowDownOutlined />} aria-label={t('builder.itemDown', { n: i + 1 })} disabled={i === items.length - 1} onClick={() => onChange(moved(items, i, i + 1))} />
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('builder.itemDelete', { n: i + 1 })} onClick={() => onChange(items.filter((_, j) => j !== i))} />
          </Flex>
        ))}
        <Button
          size="small"
          icon={<PlusOutlined />}
          style={{ alignSelf: 'flex-start' }}
          onClick={() => onChange([...items, { value: freeName(items.map((it) => it.value), 'item') }])}
        >
          {t('builder.addItem')}
        </Button>
      </Flex>
    </fieldset>
  )
}
