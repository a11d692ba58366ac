/**
 * @module
 * A tiny element builder: text goes in as text nodes, never as HTML.
 */
type Child = Node | string | null | undefined | false

/** @example h('p', { class: 'muted' }, 'Hello') */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value)
  for (const child of children) if (child !== null && child !== undefined && child !== false) el.append(child)
  return el
}
