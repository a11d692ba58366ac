/**
 * @module
 * The one-question NPS/CSAT widget other sites embed:
 * `<script src="https://host/s/embed.js" data-survey="<publicToken>" data-question="nps" async></script>`.
 * Optional: `data-target="#css-selector"` draws it into that element (else a card in the corner),
 * `data-locale="zh-CN|en"` (else the browser's language). It posts the answer to the survey's
 * public link, with the browser's client id and the proof of work the survey asks for.
 */
import { solveProof } from '../../customer/src/proof/solve-proof'
import { EmbedApiError, embedApi } from './embed-api'
import { embedLocaleOf, embedMessages } from './embed-messages'
import { renderWidget } from './render-widget'
import { localized, type ScaleKind, scoreQuestion } from './score-question'

const clientKey = (token: string) => `rapport-survey-client:${token}`
const answeredKey = (token: string) => `rapport-survey-answered:${token}`
const store = {
  get: (key: string) => { try { return localStorage.getItem(key) } catch { return null } },
  set: (key: string, value: string) => { try { localStorage.setItem(key, value) } catch { /* private mode: one answer per page view */ } },
}

async function mount(script: HTMLScriptElement): Promise<void> {
  const token = script.dataset.survey
  if (!token) return
  const kind: ScaleKind = script.dataset.question === 'csat' ? 'csat' : 'nps'
  const locale = embedLocaleOf(script.dataset.locale ?? navigator.language)
  const m = embedMessages(locale)
  const target = script.dataset.target ? document.querySelector<HTMLElement>(script.dataset.target) : null
  if (!target && store.get(answeredKey(token))) return
  const api = embedApi(new URL(script.src).origin, token)
  const form = await api.form(locale)
  const question = scoreQuestion(form.json, kind)
  if (!question) throw new EmbedApiError('SURVEY_SCORE_QUESTION_MISSING')
  const clientId = store.get(clientKey(token)) ?? form.clientId
  store.set(clientKey(token), clientId)

  const host = document.createElement('div')
  host.dataset.rapportSurvey = token
  ;(target ?? document.body).append(host)
  const widget = renderWidget({
    host, corner: !target, kind, locale, brand: form.theme?.brandColor ?? '#1f6feb',
    question: localized(question.title, locale) ?? m[kind],
    onAnswer: async (value) => {
      widget.enable(false)
      try {
        let proof: { challenge: string; nonce: string } | undefined
        if (form.proofOfWorkBits > 0) {
          widget.status(m.checking, 0)
          const { challenge, bits } = await api.challenge()
          proof = { challenge, nonce: await solveProof(challenge, bits, (p) => widget.status(m.checking, p)) }
        }
        widget.status(m.sending)
        await api.respond({ answers: { [question.name]: value }, locale, clientId, ...(proof ? { proof } : {}) })
        store.set(answeredKey(token), '1')
        widget.done(m.thanks)
      } catch (error) {
        const code = error instanceof EmbedApiError ? error.code : 'NETWORK'
        if (code === 'SURVEY_ALREADY_ANSWERED') { store.set(answeredKey(token), '1'); widget.done(m.already); return }
        if (code === 'SURVEY_CLOSED' || code === 'SURVEY_PUBLIC_LINK_DISABLED' || code === 'SURVEY_CAP_REACHED' || code === 'SURVEY_QUOTA_FULL') { widget.done(m.closed); return }
        widget.status(code === 'SURVEY_RATE_LIMITED' ? m.rateLimited : m.failed)
        widget.enable(true)
      }
    },
  })
}

const scripts = document.currentScript instanceof HTMLScriptElement
  ? [document.currentScript]
  : [...document.querySelectorAll<HTMLScriptElement>('script[data-survey]:not([data-rapport-mounted])')]
for (const script of scripts) {
  script.dataset.rapportMounted = ''
  // A widget that cannot load stays out of the host page's way; the reason goes to the console.
  mount(script).catch((error: unknown) => console.warn('rapport survey widget:', error instanceof Error ? error.message : error))
}
