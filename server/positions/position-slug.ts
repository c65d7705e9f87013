import type { Db } from '../../db/connection.ts'
import { SLUG_MAX, slugify } from '../../shared/slug.ts'
import { readableSlug } from './readable-slug.ts'
import * as positionRepo from './position.repo.ts'

/** What a title without a single letter or digit ("???") becomes. */
const FALLBACK = 'position'

/**
 * A slug for the title that no other position has: "Wohnen für alle", then "wohnen-fuer-alle-2", …
 * Call inside the transaction that inserts the position, so two creations cannot take the same one.
 */
export function uniquePositionSlug(db: Db, title: string): string {
  const base = (readableSlug(title) || FALLBACK).slice(0, SLUG_MAX - 6).replace(/-+$/, '')
  return nextFreeSlug(base, new Set(positionRepo.slugsLike(db, base)))
}

/** `base` if free, else `base-2`, `base-3`, … (pure, for unit tests). */
export function nextFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`
    if (!taken.has(candidate)) return candidate
  }
}
