import { type FormEvent, useCallback, useEffect, useState } from 'react'
import { attachmentUrl, type CustomerCase, errorText, getCase, reply } from './api'
import type { Locale, T } from './messages'

type Props = { t: T; locale: Locale; link: string; caseId: string }

/** One case through the customer's link: status, resolution, the customer-visible messages and a reply box. */
export function CasePage({ t, locale, link, caseId }: Props) {
  const [kase, setKase] = useState<CustomerCase | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [body, setBody] = useState('')
  const [sending, setSending] = useState(false)
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const load = useCallback(() => getCase(link, caseId).then(setKase, (err) => setError(errorText(t, err))), [link, caseId, t])
  useEffect(() => { void load() }, [load])
  const at = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))

  if (error) return <main className="card" role="alert"><h1>{t('title')}</h1><p className="error">{error}</p></main>
  if (!kase) return <main className="card" aria-busy="true"><p>{t('loading')}</p></main>
  const canReply = kase.status !== 'resolved' && kase.status !== 'closed'
  const send = async (e: FormEvent) => {
    e.preventDefault()
    if (!body.trim()) return
    setSending(true)
    setNotice(null)
    try {
      await reply(link, caseId, body.trim())
      setBody('')
      setNotice({ kind: 'ok', text: t('sent') })
      await load()
    } catch (err) {
      setNotice({ kind: 'error', text: errorText(t, err) })
    } finally {
      setSending(false)
    }
  }
  const download = async (attachmentId: string, fileName: string) => {
    const url = await attachmentUrl(link, caseId, attachmentId)
    const a = document.createElement('a')
    a.href = url
    a.download = fileName
    a.click()
    URL.revokeObjectURL(url)
  }
  return (
    <main className="card">
      <h1>{t('title')}</h1>
      <p className="muted">{t('reference', { id: kase.id })} · {t('filed', { at: at(kase.createdAt) })}</p>
      <p><span className="label">{t('status')}: </span><span className={`status status-${kase.status}`} data-status={kase.status}>{t(`statusValue.${kase.status}`)}</span></p>
      {kase.resolutionSummary && (
        <section aria-labelledby="resolution"><h2 id="resolution">{t('resolution')}</h2><p className="pre">{kase.resolutionSummary}</p></section>
      )}
      <section aria-labelledby="description"><h2 id="description">{t('description')}</h2><p className="pre">{kase.description}</p></section>
      {kase.attachments.length > 0 && (
        <section aria-labelledby="attachments">
          <h2 id="attachments">{t('attachments')}</h2>
          <ul>{kase.attachments.map((a) => <li key={a.id}><button type="button" className="link" onClick={() => void download(a.id, a.fileName)}>{a.fileName}</button></li>)}</ul>
        </section>
      )}
      <section aria-labelledby="messages">
        <h2 id="messages">{t('conversation')}</h2>
        {kase.messages.length === 0 ? <p className="muted">{t('noMessages')}</p> : (
          <ol className="messages">
            {kase.messages.map((m) => {
              const mine = m.author.startsWith('customer:')
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
    </main>
  )
}
