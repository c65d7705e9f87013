import type { Selectable } from 'kysely'

/** An initiative's vote handed to a delegate of another initiative (Stimmübertragung). */
export interface ProxiesTable {
  id: string
  initiative_id: string
  to_person_id: string
  /** One round; null: every round until revoked. */
  round_id: string | null
  created_by: string | null
  created_at: number
  revoked_at: number | null
  revoked_by: string | null
}

/** The rounds in which a proxy cast its initiative's ballot (that it did, never what). */
export interface ProxyUsesTable {
  proxy_id: string
  round_id: string
  initiative_id: string
}

/** Single row (id 1); missing: the default maximum. */
export interface ProxySettingsTable {
  id: number
  max_votes: number
  updated_at: number
  updated_by: string | null
}

export type ProxyRow = Selectable<ProxiesTable>
export interface PartialDB {
  proxies: ProxiesTable
  proxy_uses: ProxyUsesTable
  proxy_settings: ProxySettingsTable
}
