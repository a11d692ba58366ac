import { t, type PageLocale } from '../i18n/messages'

/** The thank-you page, after completing or when the link was already answered. */
export function ThankYou({ locale, already }: { locale: PageLocale; already: boolean }) {
  return (
    <section className="shell-card shell-thanks" aria-labelledby="thanks-title">
      <div className="shell-check" aria-hidden="true">✓</div>
      <h1 id="thanks-title">{t(locale, already ? 'alreadyTitle' : 'thanksTitle')}</h1>
      <p>{t(locale, already ? 'alreadyBody' : 'thanksBody')}</p>
    </section>
  )
}
