import { useMemo, useState } from 'react'
import { CasePage } from './CasePage'
import { FormPage } from './FormPage'
import { type Locale, pickLocale, translator } from './messages'
import { MyCasesPage } from './MyCasesPage'
import { NewCasePage } from './NewCasePage'

type Route =
  | { page: 'form' } | { page: 'track'; token: string } | { page: 'list'; link: string } | { page: 'new'; link: string }
  | { page: 'case'; link: string; caseId: string } | { page: 'none' }

/**
 * What the path asks for: `/c/form`, `/c/track#<tracking token>` (the token in the fragment, which
 * never reaches the server), `/c/<link token>` (my cases), `/c/<link token>/new`, or `/c/<link token>/<case id>`.
 */
export function routeOf(pathname: string, hash = ''): Route {
  const parts = pathname.replace(/^\/c\/?/, '').split('/').filter(Boolean).map(decodeURIComponent)
  if (parts[0] === 'form' && parts.length === 1) return { page: 'form' }
  if (parts[0] === 'track' && parts.length === 1) return hash.length > 1 ? { page: 'track', token: decodeURIComponent(hash.slice(1)) } : { page: 'none' }
  if (parts.length === 1) return { page: 'list', link: parts[0]! }
  if (parts.length === 2) return parts[1] === 'new' ? { page: 'new', link: parts[0]! } : { page: 'case', link: parts[0]!, caseId: parts[1]! }
  return { page: 'none' }
}

/** The customer page: a language switch, then the page the path names. */
export function App() {
  const [locale, setLocale] = useState<Locale>(() => pickLocale(location.search, navigator.languages))
  const t = useMemo(() => translator(locale), [locale])
  const route = useMemo(() => routeOf(location.pathname, location.hash), [])
  const source = useMemo(() => route.page === 'case' ? { kind: 'link' as const, link: route.link, caseId: route.caseId }
    : route.page === 'track' ? { kind: 'tracking' as const, token: route.token } : null, [route])
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
        : route.page === 'list' ? <MyCasesPage t={t} locale={locale} link={route.link} />
        : route.page === 'new' ? <NewCasePage t={t} link={route.link} />
        : source ? <CasePage t={t} locale={locale} source={source} />
        : <main className="card"><p role="alert" className="error">{t('errors.NO_LINK')}</p></main>}
    </>
  )
}
