// Placeholder (being written by the profile work).
import type { Queryable } from '@rapport/db'
import type { ProfileChanges } from '../plugins/contract.js'
import type { CoreServices } from '../services.js'

export async function applyProfileChanges(_s: CoreServices, _tx: Queryable, _input: { customerId: string; plugin: string; changes: ProfileChanges; source: { kind: 'rule'; id: string; version: number } | { kind: 'plugin'; id: string }; eventSeq?: number }): Promise<void> {}
