import type { SurveyApiError } from '../api/survey-api'
import { errorMessageKey, t, type PageLocale } from '../i18n/messages'

/** Refusals the customer can retry (the others will not change by trying again). */
const RETRYABLE = new Set(['network', 'rateLimited', 'unexpected', 'proofFailed'])

/** A refused link or a failure, in the customer's words, with a retry when it may help. */
export function ErrorView({ locale, error, onRetry }: { locale: PageLocale; error: SurveyApiError; onRetry: () => void }) {
  const key = errorMessageKey(error.code)
  const seconds = Number(error.details.retryAfterSeconds ?? 60)
  return (
    <section className="shell-card shell-error" role="alert" data-code={error.code}>
      <h1>{t(locale, 'errorTitle')}</h1>
      <p>{t(locale, key, { seconds })}</p>
      {RETRYABLE.has(key) && <button type="button" className="shell-button" onClick={onRetry}>{t(locale, 'retry')}</button>}
    </section>
  )
}
