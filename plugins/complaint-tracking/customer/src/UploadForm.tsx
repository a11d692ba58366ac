import { type FormEvent, useEffect, useState } from 'react'
import { attach, errorText, type FormInfo, getFormInfo, toUpload } from './api'
import type { T } from './messages'

/** Shown under the file inputs: how many files, how large, which types. */
export const sizeText = (bytes: number) => (bytes >= 1_000_000 ? `${Math.round(bytes / 100_000) / 10} MB` : `${Math.round(bytes / 1000)} kB`)
/** `image/png` → PNG, `text/plain` → TXT: what a customer calls a file type. */
const typeName = (type: string) => (type === 'text/plain' ? 'TXT' : type === 'image/jpeg' ? 'JPG' : (type.split('/')[1] ?? type).toUpperCase())
export const filesHint = (t: T, limits: FormInfo['attachments']) =>
  t('filesHint', { count: limits.maxPerCase, size: sizeText(limits.maxBytes), types: limits.types.map(typeName).join(', ') })

/** Adds photos or PDFs to the customer's own case; the server checks size, type and count, and its refusal is shown in words. */
export function UploadForm({ t, link, caseId, onDone }: { t: T; link: string; caseId: string; onDone: () => void }) {
  const [limits, setLimits] = useState<FormInfo['attachments'] | null>(null)
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const [sending, setSending] = useState(false)
  useEffect(() => { getFormInfo().then((info) => setLimits(info.attachments), () => setLimits(null)) }, [])
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = e.currentTarget
    const files = [...(new FormData(form).getAll('upload') as File[])].filter((f) => f.size > 0)
    if (!files.length) return
    setSending(true)
    setNotice(null)
    try {
      await attach(link, caseId, await Promise.all(files.map(toUpload)))
      form.reset()
      setNotice({ kind: 'ok', text: t('uploaded') })
      onDone()
    } catch (err) {
      setNotice({ kind: 'error', text: errorText(t, err) })
    } finally {
      setSending(false)
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="upload-title">
      <h2 id="upload-title">{t('addFiles')}</h2>
      <label htmlFor="upload">{t('files')}</label>
      <input id="upload" name="upload" type="file" multiple accept={limits?.types.join(',')} aria-describedby="upload-hint" />
      {limits && <p id="upload-hint" className="muted">{filesHint(t, limits)}</p>}
      <button type="submit" disabled={sending}>{sending ? t('submitting') : t('upload')}</button>
      {notice && <p role={notice.kind === 'error' ? 'alert' : 'status'} className={notice.kind === 'error' ? 'error' : 'ok'}>{notice.text}</p>}
    </form>
  )
}
