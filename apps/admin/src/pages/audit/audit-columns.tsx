import { Tag, Typography } from 'antd'
import type { ListColumn } from '@rapport/admin-kit'
import type { TFunction } from 'i18next'
import { Link } from 'react-router'
import type { AuditEntry, AuditParty } from '../../api/audit'

/** A translation, or the raw value when the admin has none (an action it does not know yet). */
const known = (t: TFunction, key: string, raw: string) => t(key as 'audit.title', { defaultValue: raw })

/** The actor: a name when the server knows it, its kind, and its id. */
function Actor({ t, actor }: { t: TFunction; actor: AuditParty }) {
  const kind = known(t, `audit.actorTypes.${actor.type}`, actor.type)
  return (
    <span>
      {actor.name ?? actor.id ?? kind} <Typography.Text type="secondary">({kind})</Typography.Text>
    </span>
  )
}

/** The entity changed: customers link to their page; others show a name or an id. */
function Target({ t, target }: { t: TFunction; target: AuditParty | null }) {
  if (!target) return <>{t('common.none')}</>
  const kind = known(t, `audit.targetTypes.${target.type}`, target.type)
  const label = target.name ?? target.id ?? ''
  return (
    <span>
      <Tag>{kind}</Tag>
      {target.type === 'customer' && target.id ? <Link to={`/customers/${encodeURIComponent(target.id)}`}>{label}</Link> : label}
    </span>
  )
}

/** A party in words for the export: its name (or id when it has none) and its kind. */
const partyText = (t: TFunction, party: AuditParty, kinds: string) => {
  const kind = known(t, `audit.${kinds}.${party.type}`, party.type)
  return party.name ?? party.id ? `${party.name ?? party.id} (${kind})` : kind
}

/** Columns of the audit table: when (business time zone), who, what, which entity. */
export const auditColumns = (t: TFunction, dateTime: (iso: string) => string): ListColumn<AuditEntry>[] => [
  { key: 'at', title: t('audit.columns.at'), width: 200, hideable: false, render: (_, e) => <time dateTime={e.at}>{dateTime(e.at)}</time>, exportValue: (e) => dateTime(e.at) },
  { key: 'actor', title: t('audit.columns.actor'), render: (_, e) => <Actor t={t} actor={e.actor} />, exportValue: (e) => partyText(t, e.actor, 'actorTypes') },
  { key: 'action', title: t('audit.columns.action'), render: (_, e) => known(t, `audit.actions.${e.action}`, e.action), exportValue: (e) => known(t, `audit.actions.${e.action}`, e.action) },
  { key: 'target', title: t('audit.columns.target'), render: (_, e) => <Target t={t} target={e.target} />, exportValue: (e) => (e.target ? partyText(t, e.target, 'targetTypes') : '') },
]
