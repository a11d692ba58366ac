/**
 * @module
 * Third migration: member birthdays (month and day, for the birthday bonus), reward kinds,
 * per-customer limits and allowed tiers, and voided vouchers.
 */
import type { Migration } from '@rapport/plugin-sdk'

const statements = [
  'ALTER TABLE points_members ADD COLUMN birthday TEXT',
  "ALTER TABLE points_rewards ADD COLUMN kind TEXT NOT NULL DEFAULT 'voucher'",
  'ALTER TABLE points_rewards ADD COLUMN per_customer_limit INTEGER',
  'ALTER TABLE points_rewards ADD COLUMN tiers TEXT',
  'ALTER TABLE points_vouchers ADD COLUMN voided_at TEXT',
  'CREATE INDEX points_vouchers_customer_reward ON points_vouchers (customer_id, reward_id)',
  'CREATE INDEX points_members_birthday ON points_members (birthday)',
]

/** @example migrations[2] */
export const migration0003: Migration = { id: '0003_birthdays_reward_rules_void', sqlite: statements, pg: statements }
