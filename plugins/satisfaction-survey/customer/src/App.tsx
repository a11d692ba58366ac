/**
 * The customer page: reads the link from the address, loads the survey, then shows it (lazily
 * loaded survey renderer), the thank-you page, or a clear message for a refused link.
 */
import { lazy, Suspense, useCallback, useEffect, useState } from 'react'
import { loadForm, SurveyApiError, type SurveyForm } from './api/survey-api'
import { targetOf } from './api/target-of'
import { pageLocaleOf, t, type PageLocale } from './i18n/messages'
import { ErrorView } from './shell/ErrorView'
import { Shell } from './shell/Shell'
import { ThankYou } from './shell/ThankYou'

const SurveyPage = lazy(() => import('./survey/SurveyPage'))

type Phase =
  | { phase: 'loading' }
  | { phase: 'error'; error: SurveyApiError }
  | { phase: 'survey'; form: SurveyForm }
  | { phase: 'done'; already: boolean; form?: SurveyForm }

const target = targetOf(window.location.pathname)
/** `?lang=` asks for a language; otherwise a customer link opens in the invitation's language. */
const asked = new URLSearchParams(window.location.search).get('lang')
/** `?prefill=`: answers the link carries, signed by the server. */
const prefill = new URLSearchParams(window.location.search).get('prefill')
const browserLocale = pageLocaleOf(asked ?? navigator.language)

/** @example <App /> */
export function App() {
  const [state, setState] = useState<Phase>({ phase: 'loading' })
  const locale: PageLocale = 'form' in state && state.form ? pageLocaleOf(state.form.locale) : browserLocale

  const load = useCallback(() => {
    if (!target) { setState({ phase: 'error', error: new SurveyApiError('LINK_INVALID', 401) }); return }
    setState({ phase: 'loading' })
    const wanted = asked ? pageLocaleOf(asked) : target.kind === 'public' ? browserLocale : undefined
    loadForm(target, wanted, prefill).then(
      (form) => {
        // Saved now: a reload must not put the clicked score back over what the customer changed since.
        if (prefill) {
          const url = new URL(window.location.href)
          url.searchParams.delete('prefill')
          window.history.replaceState(null, '', url)
        }
        setState(form.status === 'completed' ? { phase: 'done', already: true, form } : { phase: 'survey', form })
      },
      (error: SurveyApiError) => setState(error.code === 'SURVEY_ALREADY_ANSWERED' ? { phase: 'done', already: true } : { phase: 'error', error }),
    )
  }, [])
  useEffect(load, [load])
  useEffect(() => {
    document.documentElement.lang = locale
    document.title = locale === 'zh-CN' ? '问卷调查' : 'Survey'
  }, [locale])

  const theme = 'form' in state ? state.form?.theme : undefined
  return (
    <Shell theme={theme}>
      {state.phase === 'loading' && <p className="shell-status" role="status">{t(locale, 'loading')}</p>}
      {state.phase === 'error' && <ErrorView locale={locale} error={state.error} onRetry={load} />}
      {state.phase === 'done' && <ThankYou locale={locale} already={state.already} />}
      {state.phase === 'survey' && target && (
        <Suspense fallback={<p className="shell-status" role="status">{t(locale, 'loading')}</p>}>
          <SurveyPage
            form={state.form}
            target={target}
            onDone={() => setState({ phase: 'done', already: false, form: state.form })}
            onFatal={(error) => setState(error.code === 'SURVEY_ALREADY_ANSWERED' ? { phase: 'done', already: true, form: state.form } : { phase: 'error', error })}
          />
        </Suspense>
      )}
    </Shell>
  )
}
