import { type FormEvent, useEffect, useState } from 'react'
import { attach, ComplaintApiError, errorText, fileMyCase, type FormInfo, getFormInfo, toUpload } from './api'
import { CategoryField } from './CategoryField'
import type { T } from './messages'
import { casePath, listPath } from './source'
import { filesHint } from './UploadForm'

/** The link's customer files a case for themselves, with photos or PDFs, then lands on its page. */
export function NewCasePage({ t, link }: { t: T; link: string }) {
  const [info, setInfo] = useState<FormInfo | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  useEffect(() => { getFormInfo().then(setInfo, (err) => setError(errorText(t, err))) }, [t])
  const keep = location.search
  if (!info) return <main className="card">{error ? <p role="alert" className="error">{error}</p> : <p>{t('loading')}</p>}</main>

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const data = new FormData(e.currentTarget)
    const text = (name: string) => String(data.get(name) ?? '').trim()
    const files = (data.getAll('files') as File[]).filter((f) => f.size > 0)
    if (files.length > info.attachments.maxPerCase) return setError(t('errors.COMPLAINTS_ATTACHMENT_LIMIT_REACHED'))
    setSending(true)
    setError(null)
    let created: { id: string } | null = null
    try {
      created = await fileMyCase(link, { category: text('category'), description: text('description'), ...(text('orderRef') ? { orderRef: text('orderRef') } : {}) })
      if (files.length) await attach(link, created.id, await Promise.all(files.map(toUpload)))
      location.assign(`${casePath(link, created.id)}${keep}`)
    } catch (err) {
      // A refused file after the case was filed: the case exists, so say so and open it.
      if (created) return location.assign(`${casePath(link, created.id)}${keep}${keep ? '&' : '?'}upload=${err instanceof ComplaintApiError ? err.code : 'UNKNOWN'}`)
      setError(err instanceof ComplaintApiError && err.status === 400 ? t('errors.REQUEST_INVALID') : errorText(t, err))
      setSending(false)
    }
  }
  return (
    <main className="card">
      <p><a href={`${listPath(link)}${keep}`}>{t('backToList')}</a></p>
      <h1>{t('newCase')}</h1>
      <form onSubmit={(e) => void submit(e)}>
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
