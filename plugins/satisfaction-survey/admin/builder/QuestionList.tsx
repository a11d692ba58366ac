import ArrowDownOutlined from '@ant-design/icons/ArrowDownOutlined'
import ArrowUpOutlined from '@ant-design/icons/ArrowUpOutlined'
import DeleteOutlined from '@ant-design/icons/DeleteOutlined'
import HolderOutlined from '@ant-design/icons/HolderOutlined'
import { usePluginTranslation } from '@rapport/admin-kit'
import { Button, Card, Flex, Popconfirm, Select, Tag, Typography } from 'antd'
import { useState, type ReactNode } from 'react'
import { textIn, type SurveyLocale } from './localized'
import { questionTypes, type QuestionJson, type QuestionType, type ScoreKind } from './question-types'

type Props = {
  questions: QuestionJson[]
  locale: SurveyLocale
  selected: number | undefined
  scoreOf: (name: string) => ScoreKind | undefined
  readOnly?: boolean
  onSelect: (index: number | undefined) => void
  onMove: (from: number, to: number) => void
  onDelete: (index: number) => void
  onAdd: (type: QuestionType) => void
  /** The editor of the selected question, shown under it. */
  editor: ReactNode
}

/** The questions in order: select one to edit it, move it with the arrow buttons or by dragging, delete it; add new ones by type. */
export function QuestionList({ questions, locale, selected, scoreOf, readOnly = false, onSelect, onMove, onDelete, onAdd, editor }: Props) {
  const { t } = usePluginTranslation('satisfaction-survey')
  const [dragged, setDragged] = useState<number>()
  return (
    <Flex vertical gap={8}>
      <ol aria-label={t('builder.questions')} style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: 8 }}>
        {questions.map((q, i) => {
          const title = textIn(q.title, locale) || q.name
          const score = scoreOf(q.name)
          return (
            <li
              key={`${i}-${q.name}`}
              draggable={!readOnly}
              onDragStart={() => setDragged(i)}
              onDragOver={(e) => e.preventDefault()}
              onDrop={() => {
                if (dragged !== undefined) onMove(dragged, i)
                setDragged(undefined)
              }}
              data-question={q.name}
            >
              <Card size="small" styles={{ body: { padding: 10 } }} style={{ borderColor: selected === i ? '#1677ff' : undefined }}>
                <Flex align="center" gap={8} wrap>
                  {!readOnly && <HolderOutlined aria-hidden style={{ cursor: 'grab', color: '#999' }} />}
                  <Typography.Text type="secondary">{i + 1}.</Typography.Text>
                  <Button type="link" style={{ padding: 0, flex: 1, textAlign: 'left', whiteSpace: 'normal', height: 'auto' }} aria-expanded={selected === i} onClick={() => onSelect(selected === i ? undefined : i)}>
                    {title}
                  </Button>
                  <Tag>{t(`type.${q.type}`, { defaultValue: q.type })}</Tag>
                  {q.isRequired === true && <Tag color="red">{t('builder.requiredTag')}</Tag>}
                  {typeof q.visibleIf === 'string' && <Tag color="purple">{t('builder.conditionalTag')}</Tag>}
                  {score && <Tag color="blue">{t(`preset.${score}`)}</Tag>}
                  {!readOnly && (
                    <>
                      <Button size="small" icon={<ArrowUpOutlined />} aria-label={t('builder.moveUp', { name: q.name })} disabled={i === 0} onClick={() => onMove(i, i - 1)} />
                      <Button size="small" icon={<ArrowDownOutlined />} aria-label={t('builder.moveDown', { name: q.name })} disabled={i === questions.length - 1} onClick={() => onMove(i, i + 1)} />
                      <Popconfirm title={t('builder.deleteConfirm', { name: q.name })} okText={t('builder.delete')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')} onConfirm={() => onDelete(i)}>
                        <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('builder.deleteNamed', { name: q.name })} />
                      </Popconfirm>
                    </>
                  )}
                </Flex>
                {selected === i && <div style={{ marginTop: 12 }}>{editor}</div>}
              </Card>
            </li>
          )
        })}
      </ol>
      {!readOnly && (
        <Select<QuestionType>
          aria-label={t('builder.add')}
          placeholder={t('builder.add')}
          value={null as unknown as QuestionType}
          style={{ width: 260 }}
          options={questionTypes.map((type) => ({ value: type, label: t(`type.${type}`) }))}
          onChange={(type) => onAdd(type)}
        />
      )}
    </Flex>
  )
}
