/**
 * @module
 * How a case page reaches its case: through the customer's signed link (their own cases, with
 * uploads) or through the tracking token of an anonymous form (read and reply only).
 */
import { attachmentUrl, type CustomerCase, getCase, getTracked, reply, replyTracked } from './api'

export type CaseSource = { kind: 'link'; link: string; caseId: string } | { kind: 'tracking'; token: string }

/** The case of a source. */
export const loadCase = (s: CaseSource): Promise<CustomerCase> => (s.kind === 'link' ? getCase(s.link, s.caseId) : getTracked(s.token))

/** A reply through a source. */
export const sendReply = (s: CaseSource, body: string): Promise<unknown> => (s.kind === 'link' ? reply(s.link, s.caseId, body) : replyTracked(s.token, body))

/** Downloads an attachment (the link's customer only: a tracking token opens no files). */
export async function download(s: CaseSource, attachmentId: string, fileName: string): Promise<void> {
  if (s.kind !== 'link') return
  const url = await attachmentUrl(s.link, s.caseId, attachmentId)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.click()
  URL.revokeObjectURL(url)
}

/** The page of a link's case list, and of one case. */
export const listPath = (link: string) => `/c/${encodeURIComponent(link)}`
export const casePath = (link: string, caseId: string) => `/c/${encodeURIComponent(link)}/${encodeURIComponent(caseId)}`
