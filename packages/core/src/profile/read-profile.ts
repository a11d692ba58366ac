// Placeholder (being written by the profile work).
import type { Queryable } from '@rapport/db'
import type { ProfileSnapshot } from '../plugins/contract.js'
import type { CoreServices } from '../services.js'

export async function readProfile(_s: CoreServices, _db: Queryable, _customerId: string): Promise<ProfileSnapshot> {
  return {}
}
