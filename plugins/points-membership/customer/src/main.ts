/**
 * @module
 * The member page `/m/<token>`: reads the member behind the link and shows it in zh-CN or en
 * (the `lang` query, else the last choice, else the phone's language), with a language switch.
 */
import './style.css'
import { h } from './dom'
import { loadMember, redeem, tokenOfPath, type LoadProblem } from './member-api'
import { messages, type Language } from './messages'
import { renderMember, type RedeemUi } from './render-member'

const STORAGE_KEY = 'rapport.points.language'
const app = document.getElementById('app')!
const token = tokenOfPath(location.pathname)

function initialLanguage(): Language {
  const asked = new URLSearchParams(location.search).get('lang') ?? localStorage.getItem(STORAGE_KEY) ?? navigator.language
  return asked.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

let language = initialLanguage()
let state: { kind: 'loading' } | { kind: 'member'; member: Parameters<typeof renderMember>[0] } | { kind: 'problem'; problem: LoadProblem } = { kind: 'loading' }

/** A fresh key per confirmation: a double tap or a retry of the same confirmation redeems once. */
const newKey = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`
let redeemState: Pick<RedeemUi, 'confirming' | 'busy' | 'notice'> & { key: string } = { confirming: null, busy: false, notice: null, key: newKey() }

const ui = (): RedeemUi => ({
  ...redeemState,
  ask(rewardId) {
    redeemState = { ...redeemState, confirming: rewardId, notice: null, key: newKey() }
    render()
  },
  async redeem(rewardId) {
    redeemState = { ...redeemState, busy: true }
    render()
    const outcome = await redeem(token, rewardId, redeemState.key)
    redeemState = { confirming: null, busy: false, key: newKey(), notice: outcome.ok ? { kind: 'ok', code: outcome.code, expiresAt: outcome.expiresAt } : { kind: 'error', code: outcome.code } }
    const reloaded = await loadMember(token)
    if (reloaded.ok) state = { kind: 'member', member: reloaded.member }
    render()
  },
})

function render(): void {
  const t = messages[language]
  document.documentElement.lang = language
  document.title = t.title
  // The button names the other language in that language (its accessible name is its text).
  const switcher = h('button', { type: 'button', class: 'switch', lang: language === 'en' ? 'zh-CN' : 'en', title: t.languageLabel }, t.language)
  switcher.addEventListener('click', () => {
    language = language === 'en' ? 'zh-CN' : 'en'
    localStorage.setItem(STORAGE_KEY, language)
    render()
  })
  const top = h('header', { class: 'top' }, h('h1', {}, t.title), switcher)
  if (state.kind === 'loading') {
    app.replaceChildren(top, h('p', { class: 'muted', role: 'status' }, t.loading))
  } else if (state.kind === 'problem') {
    const retry = h('button', { type: 'button', class: 'primary' }, t.errors.retry)
    retry.addEventListener('click', () => void load())
    app.replaceChildren(top, h('section', { class: 'card', role: 'alert' }, h('p', {}, t.errors[state.problem]), state.problem === 'other' && retry))
  } else {
    app.replaceChildren(top, ...renderMember(state.member, t, language, ui()))
  }
}

async function load(): Promise<void> {
  state = { kind: 'loading' }
  render()
  const result = await loadMember(token)
  state = result.ok ? { kind: 'member', member: result.member } : { kind: 'problem', problem: result.problem }
  render()
}

void load()
