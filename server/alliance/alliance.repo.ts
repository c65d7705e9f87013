import { sql } from 'kysely'
import type { Db } from '../../db/connection.ts'
import { all, first, run } from '../../db/query.ts'
import type { AllianceProfileRow } from '../../db/schema/index.ts'

/** The profile's texts: everything but the logo and the bookkeeping. */
export type AllianceTexts = Pick<
  AllianceProfileRow,
  'name' | 'description' | 'website' | 'contact_email' | 'press_contact' | 'imprint_url' | 'imprint_text' | 'privacy_url' | 'privacy_text'
>

const TEXT_COLUMNS = [
  'name',
  'description',
  'website',
  'contact_email',
  'press_contact',
  'imprint_url',
  'imprint_text',
  'privacy_url',
  'privacy_text',
  'logo_type',
  'logo_width',
  'logo_height',
  'updated_at',
] as const

export type AllianceProfileTextRow = Pick<AllianceProfileRow, (typeof TEXT_COLUMNS)[number]>

/** The profile without the logo's bytes (every public page reads it). */
export function getProfile(db: Db): AllianceProfileTextRow | undefined {
  return first(db, db.q.selectFrom('alliance_profile').select([...TEXT_COLUMNS]).where('id', '=', 1))
}

export function getLogo(db: Db): Pick<AllianceProfileRow, 'logo' | 'logo_type' | 'updated_at'> | undefined {
  return first(db, db.q.selectFrom('alliance_profile').select(['logo', 'logo_type', 'updated_at']).where('id', '=', 1).where('logo', 'is not', null))
}

/**
 * Creates the single profile row or changes its texts. `updated_at` (part of every public page's
 * ETag) moves strictly forward, also for two saves at the same instant of an injected clock.
 */
export function saveTexts(db: Db, texts: AllianceTexts, at: number, by: string | null): void {
  run(
    db,
    db.q
      .insertInto('alliance_profile')
      .values({ id: 1, ...texts, updated_at: at, updated_by: by })
      .onConflict((oc) => oc.column('id').doUpdateSet(() => ({ ...texts, updated_by: by, updated_at: sql<number>`max(alliance_profile.updated_at + 1, ${at})` })))
  )
}

export function saveLogo(db: Db, logo: { bytes: Buffer; type: 'image/png' | 'image/jpeg'; width: number; height: number } | null, at: number, by: string | null): void {
  const values = { logo: logo?.bytes ?? null, logo_type: logo?.type ?? null, logo_width: logo?.width ?? null, logo_height: logo?.height ?? null }
  run(
    db,
    db.q
      .insertInto('alliance_profile')
      .values({ id: 1, name: '', ...values, updated_at: at, updated_by: by })
      .onConflict((oc) => oc.column('id').doUpdateSet(() => ({ ...values, updated_by: by, updated_at: sql<number>`max(alliance_profile.updated_at + 1, ${at})` }))),
  )
}

/** Initiatives that agreed to be named publicly, by name. */
export function listedInitiatives(db: Db): Array<{ id: string; name: string; slug: string }> {
  return all(
    db,
    db.q
      .selectFrom('public_initiatives')
      .innerJoin('initiatives', 'initiatives.id', 'public_initiatives.initiative_id')
      .select(['initiatives.id', 'initiatives.name', 'initiatives.slug'])
      .where('initiatives.active', '=', 1)
      .orderBy('initiatives.name'),
  )
}

export function setInitiativeListed(db: Db, initiativeId: string, listed: boolean, at: number, by: string | null): void {
  if (listed) run(db, db.q.insertInto('public_initiatives').values({ initiative_id: initiativeId, listed_by: by, listed_at: at }).onConflict((oc) => oc.doNothing()))
  else run(db, db.q.deleteFrom('public_initiatives').where('initiative_id', '=', initiativeId))
}

/** Working groups, for the public "Über uns" page. */
export function publicGroups(db: Db): Array<{ name: string; slug: string; description: string }> {
  return all(db, db.q.selectFrom('working_groups').select(['name', 'slug', 'description']).orderBy('name'))
}
