import type { Generated, Selectable } from 'kysely'

/** The alliance's public profile (Bündnisprofil): a single row, id 1. */
export interface AllianceProfileTable {
  id: number
  name: string
  description: Generated<string>
  website: Generated<string>
  contact_email: Generated<string>
  press_contact: Generated<string>
  /** Impressum: a URL elsewhere, or a short text shown on /impressum (URL wins when both are set). */
  imprint_url: Generated<string>
  imprint_text: Generated<string>
  /** Datenschutzerklärung, the same way, on /datenschutz. */
  privacy_url: Generated<string>
  privacy_text: Generated<string>
  /** PNG or JPEG bytes, checked on upload; null without a logo. */
  logo: Buffer | null
  logo_type: 'image/png' | 'image/jpeg' | null
  logo_width: number | null
  logo_height: number | null
  updated_at: number
  updated_by: string | null
}
/** An initiative that agreed to be named on the public "Über uns" page. */
export interface PublicInitiativesTable {
  initiative_id: string
  listed_by: string | null
  listed_at: number
}
export type AllianceProfileRow = Selectable<AllianceProfileTable>
export interface PartialDB {
  alliance_profile: AllianceProfileTable
  public_initiatives: PublicInitiativesTable
}
