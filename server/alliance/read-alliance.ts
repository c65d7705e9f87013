import type { Db } from '../../db/connection.ts'
import { getProfile } from './alliance.repo.ts'

/** The alliance as every public output shows it (page header and footer, PDF, feed, JSON). */
export interface Alliance {
  /** Empty until an admin saves the profile: outputs then say "Sprachrohr" as before. */
  name: string
  description: string
  website: string
  contactEmail: string
  pressContact: string
  /** Where the Impressum is: an outside URL, this site's /impressum, or nowhere yet. */
  imprintHref: string | null
  imprintText: string
  privacyHref: string | null
  privacyText: string
  /** Absolute URL of the logo (with its version, so a new logo is not taken from a cache). */
  logo: { url: string; width: number; height: number; type: string } | null
  /** ms epoch of the last change; part of the basis of every public page. 0 without a profile. */
  updatedAt: number
}

export function readAlliance(db: Db, publicUrl: string): Alliance {
  const row = getProfile(db)
  const hrefOf = (url: string | undefined, text: string | undefined, path: string) => (url ? url : text ? path : null)
  return {
    name: row?.name ?? '',
    description: row?.description ?? '',
    website: row?.website ?? '',
    contactEmail: row?.contact_email ?? '',
    pressContact: row?.press_contact ?? '',
    imprintHref: hrefOf(row?.imprint_url, row?.imprint_text, '/impressum'),
    imprintText: row?.imprint_text ?? '',
    privacyHref: hrefOf(row?.privacy_url, row?.privacy_text, '/datenschutz'),
    privacyText: row?.privacy_text ?? '',
    logo:
      row?.logo_type && row.logo_width && row.logo_height
        ? { url: `${publicUrl}/alliance/logo?v=${row.updated_at}`, width: row.logo_width, height: row.logo_height, type: row.logo_type }
        : null,
    updatedAt: row?.updated_at ?? 0,
  }
}

/** The public JSON's `publisher`: who says it and how to reach them. */
export function publisherOf(alliance: Alliance, fallbackName: string): { name: string; website: string | null; contact: string | null } {
  return { name: alliance.name || fallbackName, website: alliance.website || null, contact: alliance.contactEmail || null }
}

/** GET /api/public/alliance. */
export function presentAlliance(alliance: Alliance, fallbackName: string, publicUrl: string) {
  return {
    name: alliance.name || fallbackName,
    description: alliance.description,
    website: alliance.website || null,
    contact: alliance.contactEmail || null,
    pressContact: alliance.pressContact || null,
    logo: alliance.logo ? { url: alliance.logo.url, width: alliance.logo.width, height: alliance.logo.height, type: alliance.logo.type } : null,
    imprint: alliance.imprintHref === null ? null : new URL(alliance.imprintHref, publicUrl).href,
    privacy: alliance.privacyHref === null ? null : new URL(alliance.privacyHref, publicUrl).href,
    updatedAt: alliance.updatedAt ? new Date(alliance.updatedAt).toISOString() : null,
  }
}

/** Who the embed snippet names under the list (null without a profile). */
export function embedPublisher(alliance: Alliance): { name: string; website: string } | null {
  return alliance.name ? { name: alliance.name, website: alliance.website } : null
}
