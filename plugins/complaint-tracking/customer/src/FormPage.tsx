import { type FormEvent, useEffect, useState } from 'react'
import { ComplaintApiError, errorText, type FormInfo, getFormInfo, submitForm, toUpload } from './api'
import { CategoryField } from './CategoryField'
import type { T } from './messages'
import { filesHint } from './UploadForm'

/** The anonymous complaint form, with attachments; shows the rate limit's message when the server refuses. */
export function FormPage({ t }: { t: T }) {
  const [info, setInfo] = useState<FormInfo | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [receipt, setReceipt] = useState<{ caseNumber: string; trackingToken: string } | null>(null)
  const [sending, setSending] = useState(false)
  useEffect(() => { getFormInfo().then(setInfo, (err) => setError(errorText(t, err))) }, [t])
  if (receipt) {
    // The token goes after `#`: a fragment never reaches the server, so no access log holds it.
    const tracking = `${location.origin}/c/track${location.search}#${receipt.trackingToken}`
    return (
      <main className="card" role="status">
        <h1>{t('received')}</h1>
        <p>{t('receivedRef', { id: receipt.caseNumber })}</p>
        <p>{t('trackingHint')}</p>
        <p><a className="button" href={tracking}>{t('openTracking')}</a></p>
        <p className="muted break">{tracking}</p>
      </main>
    )
  }
  if (!info) return <main className="card">{error ? <p role="alert" className="error">{error}</p> : <p>{t('loading')}</p>}</main>
  if (!info.enabled) return <main className="card"><p role="alert" className="error">{t('errors.COMPLAINTS_FORM_DISABLED')}</p></main>

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const data = new FormData(e.currentTarget)
    const text = (name: string) => String(data.get(name) ?? '').trim()
    if (!text('email') && !text('phone')) return setError(t('contactHint'))
    const files = (data.getAll('files') as File[]).filter((f) => f.size > 0)
    setSending(true)
    setError(null)
    try {
      const body = {
        name: text('name'), category: text('category'), description: text('description'),
        ...(text('email') ? { email: text('email') } : {}), ...(text('phone') ? { phone: text('phone') } : {}),
        ...(text('orderRef') ? { orderRef: text('orderRef') } : {}),
        ...(files.length ? { files: await Promise.all(files.map(toUpload)) } : {}),
      }
      setReceipt(await submitForm(body))
    } catch (err) {
      setError(err instanceof ComplaintApiError && err.status === 400 ? t('errors.REQUEST_INVALID') : errorText(t, err))
    } finally {
      setSending(false)
    }
  }
  return (
    <main className="card">
      <h1>{t('formTitle')}</h1>
      <p className="muted">{t('formIntro')}</p>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor="name">{t('name')}</label>
        <input id="name" name="name" required maxLength={100} autoComplete="name" />
        <label htmlFor="email">{t('email')}</label>
        <input id="email" name="email" type="email" maxLength={200} autoComplete="email" aria-describedby="contact-hint" />
        <label htmlFor="phone">{t('phone')}</label>
        <input id="phone" name="phone" type="tel" maxLength={20} autoComplete="tel" aria-describedby="contact-hint" />
        <p id="contact-hint" className="muted">{t('contactHint')}</p>
        <CategoryField t={t} categories={info.categories} />
        <label htmlFor="description">{t('descriptionLabel')}</label>
        <textarea id="description" name="description" required rows={5} maxLength={5000} />
        <label htmlFor="orderRef">{t('orderRef')}</label>
        <input id="orderRef" name="orderRef" maxLength={100} />
        <label htmlFor="files">{t('files')}</label>
        <input id="files" name="files" type="file" multiple accept={info.attachments.types.join(',')} aria-describedby="files-hint" />
        <p id="files-hint" className="muted">{filesHint(t, info.attachments)}</p>
        {error && <p role="alert" className="error">{error}</p>}
        <button type="submit" disabled={sending}>{sending ? t('submitting') : t('submit')}</button>
      </form>
    </main>
  )
}
