/**
 * @module
 * The surveys' revision token (`satisfaction_revisions`, key `surveys`): every write of a survey
 * row gives it a new random value in the same transaction, so a cache of what surveys say is valid
 * exactly while the token it was read under is still the one stored, in any process.
 */
import { newId, type Queryable } from '@rapport/plugin-sdk'

const READ = "SELECT token FROM satisfaction_revisions WHERE key = 'surveys'"
const BUMP = "INSERT INTO satisfaction_revisions (key, token) VALUES ('surveys', ?) ON CONFLICT (key) DO UPDATE SET token = excluded.token"

/** The token now; null before the first survey write. @example const token = await surveysRevision(tx) */
export async function surveysRevision(q: Queryable): Promise<string | null> {
  return (await q.get<{ token: string }>(READ))?.token ?? null
}

/** Gives the token a new value; call it in the transaction that writes a survey row. @example await bumpSurveysRevision(tx) */
export async function bumpSurveysRevision(tx: Queryable): Promise<void> {
  await tx.run(BUMP, [newId('rev')])
}
