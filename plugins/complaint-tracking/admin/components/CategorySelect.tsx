import { TreeSelect } from 'antd'
import { useMemo } from 'react'
import type { ComplaintsConfig } from '../api'
import { useComplaintLabels } from './use-complaint-labels'

type Props = {
  categories: ComplaintsConfig['categories']
  value?: string | undefined
  onChange?: (value: string | undefined) => void
  id?: string
  ariaLabel?: string
  allowClear?: boolean
  placeholder?: string
}

type Node = { value: string; title: string; children: Node[] }

/** The configured category tree (flat `{ id, label, parent }` list) as a tree select, labelled in the page's language. */
export function CategorySelect({ categories, value, onChange, id, ariaLabel, allowClear, placeholder }: Props) {
  const { category } = useComplaintLabels()
  const treeData = useMemo(() => {
    const nodes = new Map<string, Node>(categories.map((c) => [c.id, { value: c.id, title: category(c.id, c.label), children: [] }]))
    const roots: Node[] = []
    for (const c of categories) {
      const node = nodes.get(c.id)!
      const parent = c.parent ? nodes.get(c.parent) : undefined
      if (parent) parent.children.push(node)
      else roots.push(node)
    }
    return roots
  }, [categories, category])
  return (
    <TreeSelect id={id} aria-label={ariaLabel} treeData={treeData} value={value} onChange={(v) => onChange?.(v ?? undefined)}
      treeDefaultExpandAll allowClear={allowClear} placeholder={placeholder} showSearch treeNodeFilterProp="title" style={{ minWidth: 200 }} />
  )
}
