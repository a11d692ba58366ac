/**
 * @module
 * Template texts as admins edited them: one document in `core_messaging_settings` (`templates`),
 * by template id and language. A language not edited keeps the built-in texts; sending and the
 * preview read the edited ones.
 */
import type { Queryable } from '@rapport/db'
import type { TemplateTexts } from '../message-templates.js'
import type { TemplateLocale } from '../render-template.js'

/** Edited texts by template id, then language. */
export type TemplateEdits = Record<string, Partial<Record<TemplateLocale, TemplateTexts>>>

const ID = 'templates'

/** Every edited template. @example const edits = await loadTemplateEdits(s.db) */
export async function loadTemplateEdits(db: Queryable): Promise<TemplateEdits> {
  const row = await db.get<{ value: string | TemplateEdits }>('SELECT value FROM core_messaging_settings WHERE id = ?', [ID])
  return row ? (typeof row.value === 'string' ? (JSON.parse(row.value) as TemplateEdits) : row.value) : {}
}

/** The edited texts of one template in one language, or undefined (the built-in ones apply). @example await editedTexts(s.db, 'survey.invitation', 'zh-CN') */
export async function editedTexts(db: Queryable, template: string, locale: TemplateLocale): Promise<TemplateTexts | undefined> {
  return (await loadTemplateEdits(db))[template]?.[locale]
}

/** Stores one template's edits (an empty object goes back to the built-in texts). @example await saveTemplateEdits(tx, 'survey.invitation', { en: texts }, now) */
export async function saveTemplateEdits(db: Queryable, template: string, edits: Partial<Record<TemplateLocale, TemplateTexts>>, now: Date): Promise<void> {
  const all = await loadTemplateEdits(db)
  if (Object.keys(edits).length === 0) delete all[template]
  else all[template] = edits
  await db.run('INSERT INTO core_messaging_settings (id, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    [ID, JSON.stringify(all), now.toISOString()])
}
