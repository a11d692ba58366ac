/**
 * @module
 * The dashboard's widgets in a user's order: those the layout names first, in its order and with
 * its hidden flags; widgets it does not know (a plugin enabled since) after them, shown.
 */
import type { WidgetPlacement } from '../../api/dashboard'

/** A widget's key, `plugin/id`. */
export const widgetKey = (w: { plugin: string; id: string }): string => `${w.plugin}/${w.id}`

/**
 * @example orderWidgets([{ plugin: 'a', id: 'x' }, { plugin: 'b', id: 'y' }], [{ plugin: 'b', id: 'y', hidden: true }])
 * // [{ plugin: 'b', id: 'y', hidden: true, widget: … }, { plugin: 'a', id: 'x', hidden: false, widget: … }]
 */
export function orderWidgets<W extends { plugin: string; id: string }>(widgets: readonly W[], layout: readonly WidgetPlacement[]): Array<{ widget: W; hidden: boolean }> {
  const byKey = new Map(widgets.map((w) => [widgetKey(w), w]))
  const placed = layout.flatMap((p) => {
    const widget = byKey.get(widgetKey(p))
    return widget ? [{ widget, hidden: p.hidden }] : []
  })
  const named = new Set(layout.map(widgetKey))
  return [...placed, ...widgets.filter((w) => !named.has(widgetKey(w))).map((widget) => ({ widget, hidden: false }))]
}
