/**
 * @module
 * Attachments of a case: checked against the configured size, type and count limits (the bytes
 * must match the declared type), stored in the plugin's table, listed and read back.
 */
import type { Queryable, z } from '@rapport/plugin-sdk'
import type { attachmentSchema } from '../../shared/schemas.js'
import type { ComplaintsConfig } from '../config.js'
import { complaintsErrors } from '../errors.js'
import { newId } from '../cases/case-store.js'
import { looksLike } from './sniff-type.js'

/** An attachment's description. */
export type Attachment = z.infer<typeof attachmentSchema>
/** A file as a request carries it. */
export type IncomingFile = { fileName: string; contentType: string; dataBase64: string }

/** Decodes and checks a file against the limits; throws the coded error. @example const bytes = checkFile(ctx.config.attachments, file) */
export function checkFile(limits: ComplaintsConfig['attachments'], file: IncomingFile): Uint8Array {
  if (!limits.types.includes(file.contentType)) throw complaintsErrors.ATTACHMENT_TYPE_NOT_ALLOWED({ contentType: file.contentType, allowed: limits.types })
  const bytes = new Uint8Array(Buffer.from(file.dataBase64, 'base64'))
  if (bytes.length > limits.maxBytes) throw complaintsErrors.ATTACHMENT_TOO_LARGE({ sizeBytes: bytes.length, maxBytes: limits.maxBytes })
  if (!looksLike(bytes, file.contentType)) throw complaintsErrors.ATTACHMENT_CONTENT_MISMATCH({ contentType: file.contentType })
  return bytes
}

/** Stores checked files on a case, refusing past the per-case limit. @example await addAttachments(tx, limits, caseId, [{ file, bytes }], actor, at) */
export async function addAttachments(tx: Queryable, limits: ComplaintsConfig['attachments'], caseId: string, files: ReadonlyArray<{ file: IncomingFile; bytes: Uint8Array }>, actor: string, at: string): Promise<Attachment[]> {
  const row = await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM complaints_attachments WHERE case_id = ?', [caseId])
  if (Number(row?.n ?? 0) + files.length > limits.maxPerCase) throw complaintsErrors.ATTACHMENT_LIMIT_REACHED({ maxPerCase: limits.maxPerCase })
  const out: Attachment[] = []
  for (const { file, bytes } of files) {
    const a: Attachment = { id: newId('att'), fileName: file.fileName, contentType: file.contentType, sizeBytes: bytes.length, uploadedBy: actor, createdAt: at }
    await tx.run('INSERT INTO complaints_attachments (id, case_id, file_name, content_type, size_bytes, data, uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [a.id, caseId, a.fileName, a.contentType, a.sizeBytes, bytes, a.uploadedBy, a.createdAt])
    out.push(a)
  }
  return out
}

/** @example await listAttachments(ctx.db, caseId) */
export async function listAttachments(q: Queryable, caseId: string): Promise<Attachment[]> {
  return q.all<Attachment>(`SELECT id, file_name AS "fileName", content_type AS "contentType", size_bytes AS "sizeBytes", uploaded_by AS "uploadedBy",
    created_at AS "createdAt" FROM complaints_attachments WHERE case_id = ? ORDER BY seq`, [caseId])
}

/** The bytes of one attachment of the case. @example await readAttachment(ctx.db, caseId, id) */
export async function readAttachment(q: Queryable, caseId: string, id: string): Promise<{ fileName: string; contentType: string; data: Uint8Array } | undefined> {
  const row = await q.get<{ file_name: string; content_type: string; data: Uint8Array }>('SELECT file_name, content_type, data FROM complaints_attachments WHERE case_id = ? AND id = ?', [caseId, id])
  return row && { fileName: row.file_name, contentType: row.content_type, data: new Uint8Array(row.data) }
}
