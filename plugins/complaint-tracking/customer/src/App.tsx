import { useMemo, useState } from 'react'
import { CasePage } from './CasePage'
import { FormPage } from './FormPage'
import { type Locale, pickLocale, translator } from './messages'

/** What the path asks for: `/c/form`, or `/c/<link token>/<case id>`. */
export function routeOf(pathname: string): { page: 'form' } | { page: 'case'; link: string; caseId: string } | { page: 'none' } {
  const parts = pathname.replace(/^\/c\/?/, '').split('/').filter(Boolean).map(decodeURIComponent)
  if (parts[0] === 'form') return { page: 'form' }
  if (parts.length === 2) return { page: 'case', link: parts[0]!, caseId: parts[1]! }
  return { page: 'none' }
}

/** The customer page: a language switch, then the case or the form. */
export function App() {
  const [locale, setLocale] = useState<Locale>(() => pickLocale(location.search, navigator.languages))
  const t = useMemo(() => translator(locale), [locale])
  const route = routeOf(location.pathname)
  document.documentElement.lang = locale
  return (
    <>
      <header className="bar">
        <label htmlFor="lang">{t('language')}</label>
        <select id="lang" value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
          <option value="zh-CN">中文</option>
          <option value="en">English</option>
        </select>
      </header>
      {route.page === 'form' ? <FormPage t={t} />
        : route.page === 'case' ? <CasePage t={t} locale={locale} link={route.link} caseId={route.caseId} />
        : <main className="card"><p role="alert" className="error">{t('errors.NO_LINK')}</p></main>}
    </>
  )
}
