/**
 * @module
 * Draws the one-question row into a shadow root: a labelled group of buttons (0–10 or 1–5) that
 * Tab and the arrow keys move through, the scale's ends, a live status line, and in the corner
 * card a close button.
 */
import type { EmbedLocale } from './embed-messages'
import { embedMessages } from './embed-messages'
import type { ScaleKind } from './score-question'
import { SCALES } from './score-question'
import { widgetStyles } from './widget-styles'

/** What the widget needs to draw and where to report the choice. */
export type WidgetOptions = { host: HTMLElement; corner: boolean; kind: ScaleKind; question: string; locale: EmbedLocale; brand: string; onAnswer: (value: number) => void }

/** Handles to change the widget after drawing. */
export type Widget = { status(text: string, progress?: number): void; done(text: string): void; enable(on: boolean): void }

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string) => {
  const node = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v)
  if (text !== undefined) node.textContent = text
  return node
}

/** @example const widget = renderWidget({ host, corner: false, kind: 'nps', question, locale: 'en', brand: '#1f6feb', onAnswer }) */
export function renderWidget({ host, corner, kind, question, locale, brand, onAnswer }: WidgetOptions): Widget {
  const m = embedMessages(locale)
  const root = host.attachShadow({ mode: 'open' })
  const sheet = new CSSStyleSheet()
  sheet.replaceSync(widgetStyles)
  // A constructed sheet: the host page's CSP for inline styles does not apply to it.
  root.adoptedStyleSheets = [sheet]
  const id = `rapport-q-${Math.random().toString(36).slice(2, 8)}`
  const card = el('section', { class: corner ? 'card corner' : 'card', 'aria-labelledby': id, lang: locale, style: `--brand:${brand}` })
  card.append(el('p', { class: 'q', id }, question))
  const row = el('div', { class: 'row', role: 'group', 'aria-labelledby': id })
  const { min, max }: { min: number; max: number } = SCALES[kind]
  const buttons: HTMLButtonElement[] = []
  for (let value = min; value <= max; value += 1) {
    const end = value === min ? ` (${m.low[kind]})` : value === max ? ` (${m.high[kind]})` : ''
    const button = el('button', { type: 'button', 'aria-pressed': 'false', 'aria-label': `${m.score.replace('{value}', String(value)).replace('{max}', String(max))}${end}` }, String(value))
    button.addEventListener('click', () => {
      for (const b of buttons) b.setAttribute('aria-pressed', String(b === button))
      onAnswer(value)
    })
    buttons.push(button)
  }
  row.addEventListener('keydown', (event) => {
    const at = buttons.indexOf(event.target as HTMLButtonElement)
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    if (at < 0 || step === 0) return
    event.preventDefault()
    buttons[Math.min(buttons.length - 1, Math.max(0, at + step))]!.focus()
  })
  row.append(...buttons)
  const ends = el('div', { class: 'ends', 'aria-hidden': 'true' })
  ends.append(el('span', {}, m.low[kind]), el('span', {}, m.high[kind]))
  const status = el('div', { class: 'status', role: 'status', 'aria-live': 'polite' })
  card.append(row, ends, status)
  if (corner) {
    const close = el('button', { type: 'button', class: 'x', 'aria-label': m.close }, '×')
    close.addEventListener('click', () => host.remove())
    card.append(close)
  }
  root.append(card)
  return {
    status(text, progress) {
      status.textContent = text
      if (progress !== undefined) status.append(el('progress', { max: '1', value: String(progress), 'aria-label': text }))
    },
    done(text) {
      row.remove()
      ends.remove()
      status.textContent = text
    },
    enable(on) { for (const b of buttons) b.disabled = !on },
  }
}
