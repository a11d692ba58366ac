import { useCallback, useEffect, useState } from 'react'
import { type CaseSummary, errorText, getFormInfo, myCases } from './api'
import { categoryName, type Locale, type T } from './messages'
import { casePath } from './source'

/** The link's customer's own cases, newest first: number, status in words, category and date; and a way to file a new one. */
export function MyCasesPage({ t, locale, link }: { t: T; locale: Locale; link: string }) {
  const [items, setItems] = useState<CaseSummary[] | null>(null)
  const [cursor, setCursor] = useState<string | null>(null)
  const [labels, setLabels] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const more = useCallback((after?: string) => myCases(link, after).then((page) => {
    setItems((before) => [...(after ? before ?? [] : []), ...page.items])
    setCursor(page.nextCursor)
  }, (err) => setError(errorText(t, err))), [link, t])
  useEffect(() => { void more() }, [more])
  useEffect(() => { getFormInfo().then((info) => setLabels(Object.fromEntries(info.categories.map((c) => [c.id, c.label]))), () => undefined) }, [])
  const day = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso))
  const keep = location.search

  if (error) return <main className="card" role="alert"><h1>{t('myCases')}</h1><p className="error">{error}</p></main>
  if (!items) return <main className="card" aria-busy="true"><p>{t('loading')}</p></main>
  return (
    <main className="card">
      <h1>{t('myCases')}</h1>
      <p><a className="button" href={`${casePath(link, 'new')}${keep}`}>{t('newCase')}</a></p>
      {items.length === 0 ? <p className="muted">{t('noCases')}</p> : (
        <ul className="cases">
          {items.map((c) => (
            <li key={c.id}>
              <a href={`${casePath(link, c.id)}${keep}`}>
                <span className="case-head"><span className="label">{c.caseNumber}</span><span className={`status status-${c.status}`}>{t(`statusValue.${c.status}`)}</span></span>
                <span className="muted">{categoryName(t, c.category, labels[c.category])} · {day(c.createdAt)}</span>
                <span className="snippet">{c.description}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      {cursor && <button type="button" onClick={() => void more(cursor)}>{t('more')}</button>}
    </main>
  )
}
