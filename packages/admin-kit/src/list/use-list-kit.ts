/**
 * @module
 * The state of a kit list: one person's column choices, density and saved filters for one list,
 * remembered in the browser, and the columns and size to hand antd's Table.
 */
import type { ColumnType } from 'antd/es/table'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useSession } from '../auth/session'
import { csvColumnsOf, orderColumns, tableColumnOf, type ListColumn } from './list-columns'
import { defaultListSettings, readListSettings, writeListSettings, type ListDensity, type ListSettings, type SavedFilter } from './list-settings'

/** What a page tells the kit. */
export type ListKitOptions<T, F extends Record<string, unknown>> = {
  /** Names the list in storage: `customers`, `complaint-tracking.cases`. */
  id: string
  columns: readonly ListColumn<T>[]
  /** The filters applied now, and how to apply saved ones; omit both for a list without filters. */
  filters?: F
  onApplyFilters?: (filters: F) => void
  /** The table's size until the person picks another. */
  density?: ListDensity
}

/** What the page and the toolbar use. */
export type ListKit<T, F extends Record<string, unknown> = Record<string, unknown>> = {
  /** Every column in the person's order, with whether it shows. */
  settingsColumns: { key: string; title: string; visible: boolean; hideable: boolean }[]
  /** The visible columns for antd's Table. */
  columns: ColumnType<T>[]
  /** The visible columns as the export writes them. */
  exportColumns: ReturnType<typeof csvColumnsOf<T>>
  size: ListDensity
  setDensity: (density: ListDensity) => void
  setVisible: (key: string, visible: boolean) => void
  move: (key: string, by: -1 | 1) => void
  resetColumns: () => void
  savedFilters: SavedFilter[]
  filters?: F
  /** Saves the current filters under a name (replacing one of that name). */
  saveFilters?: (name: string) => void
  applySaved?: (name: string) => void
  deleteSaved: (name: string) => void
}

/**
 * The list's settings for the signed-in person.
 * @example const kit = useListKit({ id: 'customers', columns, filters, onApplyFilters: setFilters })
 * <ListToolbar kit={kit} exportName="customers" rows={rows} /><Table columns={kit.columns} size={kit.size} />
 */
export function useListKit<T, F extends Record<string, unknown> = Record<string, unknown>>({ id, columns, filters, onApplyFilters, density = 'middle' }: ListKitOptions<T, F>): ListKit<T, F> {
  const userId = useSession().data?.id ?? 'anonymous'
  const [settings, setSettings] = useState<ListSettings>(() => readListSettings(userId, id, defaultListSettings(density)))
  // Another user signing in in this tab, or the page reused for another list, reads their own.
  useEffect(() => setSettings(readListSettings(userId, id, defaultListSettings(density))), [userId, id, density])
  const update = useCallback((change: (s: ListSettings) => ListSettings) => {
    setSettings((s) => {
      const next = change(s)
      writeListSettings(userId, id, next)
      return next
    })
  }, [userId, id])

  const ordered = useMemo(() => orderColumns(columns, settings.order), [columns, settings.order])
  const hidden = new Set(settings.hidden)
  const visible = ordered.filter((c) => c.hideable === false || !hidden.has(c.key))
  const move = (key: string, by: -1 | 1) => update((s) => {
    const keys = ordered.map((c) => c.key)
    const at = keys.indexOf(key)
    const to = at + by
    if (at < 0 || to < 0 || to >= keys.length) return s
    ;[keys[at], keys[to]] = [keys[to]!, keys[at]!]
    return { ...s, order: keys }
  })
  return {
    settingsColumns: ordered.map((c) => ({ key: c.key, title: c.title, visible: c.hideable === false || !hidden.has(c.key), hideable: c.hideable !== false })),
    columns: visible.map(tableColumnOf),
    exportColumns: csvColumnsOf(visible),
    size: settings.density,
    setDensity: (d) => update((s) => ({ ...s, density: d })),
    setVisible: (key, show) => update((s) => ({ ...s, hidden: show ? s.hidden.filter((k) => k !== key) : [...new Set([...s.hidden, key])] })),
    move,
    resetColumns: () => update((s) => ({ ...s, hidden: [], order: [] })),
    savedFilters: settings.savedFilters,
    filters,
    saveFilters: filters && onApplyFilters
      ? (name) => update((s) => ({ ...s, savedFilters: [...s.savedFilters.filter((f) => f.name !== name), { name, filters }] }))
      : undefined,
    applySaved: onApplyFilters
      ? (name) => { const saved = settings.savedFilters.find((f) => f.name === name); if (saved) onApplyFilters(saved.filters as F) }
      : undefined,
    deleteSaved: (name) => update((s) => ({ ...s, savedFilters: s.savedFilters.filter((f) => f.name !== name) })),
  }
}
