import HolderOutlined from '@ant-design/icons/HolderOutlined'
import { closestCenter, DndContext, type DragEndEvent, KeyboardSensor, PointerSensor, useSensor, useSensors } from '@dnd-kit/core'
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import { Button, Drawer, Flex, List, Switch, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { WidgetPlacement } from '../../api/dashboard'
import { widgetKey } from './widget-order'

/** A widget as the drawer lists it: its place and its title in the page's language. */
export type ArrangedWidget = WidgetPlacement & { title: string }

/** The user's widgets as a list to drag into order (pointer or keyboard), each with a switch to show or hide it. */
export function ArrangeWidgetsDrawer({ open, widgets, saving, onSave, onReset, onClose }: {
  open: boolean; widgets: ArrangedWidget[]; saving: boolean
  onSave: (widgets: WidgetPlacement[]) => void; onReset: () => void; onClose: () => void
}) {
  const { t } = useTranslation()
  // The page mounts the drawer afresh each time it opens, so the list starts from the saved layout;
  // resetting it when the opening animation ends would undo a move made during the animation.
  const [items, setItems] = useState(widgets)
  const sensors = useSensors(useSensor(PointerSensor), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }))
  const titleOf = (id: unknown) => items.find((w) => widgetKey(w) === id)?.title ?? ''
  const position = (id: unknown) => ({ position: items.findIndex((w) => widgetKey(w) === id) + 1, count: items.length })
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return
    const from = items.findIndex((w) => widgetKey(w) === active.id)
    const to = items.findIndex((w) => widgetKey(w) === over.id)
    setItems(arrayMove(items, from, to))
  }
  return (
    <Drawer
      title={t('dashboard.arrange')}
      open={open}
      onClose={onClose}
      size="default"
      footer={
        <Flex gap={8} justify="space-between" wrap>
          <Button onClick={onReset}>{t('dashboard.resetLayout')}</Button>
          <Button type="primary" loading={saving} onClick={() => onSave(items.map(({ plugin, id, hidden }) => ({ plugin, id, hidden })))}>
            {t('dashboard.saveLayout')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('dashboard.arrangeHint')}</Typography.Paragraph>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          screenReaderInstructions: { draggable: t('dashboard.dragInstructions') },
          announcements: {
            onDragStart: ({ active }) => t('dashboard.dragStart', { title: titleOf(active.id) }),
            onDragOver: ({ active, over }) => (over ? t('dashboard.dragOver', { title: titleOf(active.id), ...position(over.id) }) : undefined),
            onDragEnd: ({ active, over }) => (over ? t('dashboard.dragEnd', { title: titleOf(active.id), ...position(over.id) }) : undefined),
            onDragCancel: ({ active }) => t('dashboard.dragCancel', { title: titleOf(active.id) }),
          },
        }}
      >
        <SortableContext items={items.map(widgetKey)} strategy={verticalListSortingStrategy}>
          <List
            bordered
            dataSource={items}
            rowKey={widgetKey}
            renderItem={(w) => (
              <SortableRow
                widget={w}
                onToggle={(shown) => setItems(items.map((x) => (widgetKey(x) === widgetKey(w) ? { ...x, hidden: !shown } : x)))}
              />
            )}
          />
        </SortableContext>
      </DndContext>
    </Drawer>
  )
}

function SortableRow({ widget, onToggle }: { widget: ArrangedWidget; onToggle: (shown: boolean) => void }) {
  const { t } = useTranslation()
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: widgetKey(widget) })
  return (
    <List.Item
      ref={setNodeRef}
      data-arrange-widget={widgetKey(widget)}
      style={{ transform: CSS.Transform.toString(transform), transition, background: isDragging ? '#e6f4ff' : '#fff', gap: 8 }}
    >
      <Flex align="center" gap={8} style={{ minWidth: 0 }}>
        <Button
          ref={setActivatorNodeRef}
          type="text"
          size="small"
          icon={<HolderOutlined />}
          aria-label={t('dashboard.dragHandle', { title: widget.title })}
          style={{ cursor: 'grab', touchAction: 'none' }}
          {...attributes}
          {...listeners}
        />
        <Typography.Text delete={widget.hidden} type={widget.hidden ? 'secondary' : undefined}>{widget.title}</Typography.Text>
      </Flex>
      <Switch
        size="small"
        checked={!widget.hidden}
        onChange={onToggle}
        aria-label={`${t('dashboard.shown')}: ${widget.title}`}
      />
    </List.Item>
  )
}
