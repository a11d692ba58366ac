/**
 * @module
 * Indexes for filtering the audit log: each ends in `seq`, the order the list reads in, so a
 * filtered page walks the index instead of sorting.
 */
import type { Migration } from '@rapport/db'

const statements = [
  'CREATE INDEX core_audit_log_actor ON core_audit_log (actor_id, seq)',
  'CREATE INDEX core_audit_log_action ON core_audit_log (action, seq)',
  'CREATE INDEX core_audit_log_target ON core_audit_log (target_type, seq)',
]

/** Migration 0006: the audit log's filter indexes (same SQL on both dialects). */
export const auditIndexes: Migration = { id: '0006_audit_indexes', sqlite: statements, pg: statements }
