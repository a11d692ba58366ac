import { type FormEvent, useCallback, useEffect, useState } from 'react'
import { ComplaintApiError, type CustomerCase, errorText } from './api'
import type { Locale, T } from './messages'
import { type CaseSource, download, listPath, loadCase, sendReply } from './source'
import { UploadForm } from './UploadForm'

type Props = { t: T; locale: Locale; source: CaseSource }

/**
 * One case, through the customer's link or a form's tracking token: its number, status in words,
 * resolution, the customer-visible messages, a reply box, and (through a link) the files and uploads.
 */
export function CasePage({ t, locale, source }: Props) {
  const [kase, setKase] = useState<CustomerCase | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [body, setBody] = useState('')
  const [sending, setSending] = useState(false)
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  // A file refused right after filing (the new-case page sends its code): the case exists, the file does not.
  const refused = new URLSearchParams(location.search).get('upload')
  const load = useCallback(() => loadCase(source).then(setKase, (err) => setError(errorText(t, err))), [source, t])
  useEffect(() => { void load() }, [load])
  const at = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))
  const back = source.kind === 'link' ? <p><a href={`${listPath(source.link)}${location.search}`}>{t('backToList')}</a></p> : null

  if (error) return <main className="card" role="alert"><h1>{t('title')}</h1><p className="error">{error}</p>{back}</main>
  if (!kase) return <main className="card" aria-busy="true"><p>{t('loading')}</p></main>
  const canReply = kase.status !== 'resolved' && kase.status !== 'closed'
  const send = async (e: FormEvent) => {
    e.preventDefault()
    if (!body.trim()) return
    setSending(true)
    setNotice(null)
    try {
      await sendReply(source, body.trim())
      setBody('')
      setNotice({ kind: 'ok', text: t('sent') })
      await load()
    } catch (err) {
      setNotice({ kind: 'error', text: errorText(t, err) })
    } finally {
      setSending(false)
    }
  }
  return (
    <main className="card">
      {back}
      <h1>{t('title')}</h1>
      <p className="muted">{t('reference', { id: kase.caseNumber })} · {t('filed', { at: at(kase.createdAt) })}</p>
      <p><span className="label">{t('status')}: </span><span className={`status status-${kase.status}`} data-status={kase.status}>{t(`statusValue.${kase.status}`)}</span></p>
      {kase.resolutionSummary && (
        <section aria-labelledby="resolution"><h2 id="resolution">{t('resolution')}</h2><p className="pre">{kase.resolutionSummary}</p></section>
      )}
      {refused && <p role="alert" className="error">{t('uploadRefused', { reason: errorText(t, new ComplaintApiError(refused, 0)) })}</p>}
      <section aria-labelledby="description"><h2 id="description">{t('description')}</h2><p className="pre">{kase.description}</p></section>
      {kase.attachments.length > 0 && (
        <section aria-labelledby="attachments">
          <h2 id="attachments">{t('attachments')}</h2>
          <ul>{kase.attachments.map((a) => (
            <li key={a.id}>{source.kind === 'link' ? <button type="button" className="link" onClick={() => void download(source, a.id, a.fileName)}>{a.fileName}</button> : a.fileName}</li>
          ))}</ul>
        </section>
      )}
      <section aria-labelledby="messages">
        <h2 id="messages">{t('conversation')}</h2>
        {kase.messages.length === 0 ? <p className="muted">{t('noMessages')}</p> : (
          <ol className="messages">
            {kase.messages.map((m) => {
              const mine = m.author.startsWith('customer:') || m.author === 'anonymous'
              return (
                <li key={m.id} className={mine ? 'mine' : 'staff'}>
                  <p className="muted">{mine ? t('you') : t('staff')} · {at(m.createdAt)}</p>
                  <p className="pre">{m.body}</p>
                </li>
              )
            })}
          </ol>
        )}
      </section>
      {canReply ? (
        <form onSubmit={(e) => void send(e)}>
          <label htmlFor="reply">{t('reply')}</label>
          <textarea id="reply" rows={4} maxLength={5000} value={body} onChange={(e) => setBody(e.target.value)} />
          <button type="submit" disabled={sending || !body.trim()}>{t('send')}</button>
          {notice && <p role="status" className={notice.kind === 'error' ? 'error' : 'ok'}>{notice.text}</p>}
        </form>
      ) : <p className="muted">{t('replyClosed')}</p>}
      {canReply && source.kind === 'link' && <UploadForm t={t} link={source.link} caseId={source.caseId} onDone={() => void load()} />}
    </main>
  )
}
