import { createTables, migrate, type Database } from '@rapport/db'
import { coreTables } from './tables.js'
import { pluginStates } from './plugin-tables.js'
import { deliveryJobTables } from './delivery-job-tables.js'
import { profileTables } from './profile-tables.js'
import { linkUses } from './link-tables.js'
import { auditIndexes } from './audit-indexes.js'
import { segments } from '../segments/segment-table.js'
import { profileRebuilds } from './profile-rebuild-table.js'
import { pluginWatermarkColumn } from './plugin-watermark-column.js'
import { scrubLinkTokens } from './scrub-link-tokens.js'
import { eventActorColumns } from './event-actor-columns.js'
import { pluginFailuresMigration } from './plugin-failure-table.js'
import { compactProfileChanges } from './compact-profile-changes.js'
import { leanerIndexes } from './leaner-indexes.js'
import { clusteredProfileValues } from './clustered-profile-values.js'
import { messagingTables } from '../messaging/message-tables.js'
import { bulkSendTables } from '../messaging/bulk/bulk-tables.js'
import { channelAddressTables } from '../messaging/channels/channel-addresses.js'
import { keyedProfileChanges } from './keyed-profile-changes.js'
import { dashboardLayoutsMigration } from '../dashboard/dashboard-layout-table.js'

/** Core's migrations, in order. Append only: a changed migration is refused at boot. */
export const coreMigrations = [
  createTables('0001_core_init', coreTables),
  createTables('0002_plugins', [pluginStates]),
  createTables('0003_deliveries_jobs', deliveryJobTables),
  createTables('0004_profile', profileTables),
  createTables('0005_customer_links', [linkUses]),
  auditIndexes,
  createTables('0007_segments', [segments]),
  createTables('0008_profile_rebuilds', [profileRebuilds]),
  pluginWatermarkColumn,
  pluginFailuresMigration,
  scrubLinkTokens,
  eventActorColumns,
  compactProfileChanges,
  leanerIndexes,
  createTables('0017_messaging', messagingTables),
  clusteredProfileValues,
  createTables('0020_channel_addresses', channelAddressTables),
  createTables('0021_bulk_sends', bulkSendTables),
  keyedProfileChanges,
  dashboardLayoutsMigration,
]

/** Brings core's tables up to date. @example await migrateCore(db) */
export function migrateCore(db: Database) {
  return migrate(db, 'core', coreMigrations)
}
