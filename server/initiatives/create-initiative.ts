import { newId } from '../../db/ids.ts'
import { isUniqueViolation, transaction } from '../../db/query.ts'
import type { InitiativeRow } from '../../db/schema/index.ts'
import { fail } from '../../shared/errors.ts'
import { slugify } from '../../shared/slug.ts'
import { recordAudit } from '../audit/record-audit.ts'
import type { Deps } from '../deps.ts'
import * as initiativeRepo from './initiative.repo.ts'

export interface CreateInitiativeInput {
  name: string
  /** Generated from the name when absent. */
  slug?: string | undefined
  weight?: number | undefined
  active?: boolean | undefined
}

/**
 * Adds a member initiative of the alliance. A taken slug is refused (409) rather than silently
 * suffixed: two initiatives with the same name are almost always a typo or a double entry.
 */
export function createInitiative(deps: Deps, actorId: string | null, input: CreateInitiativeInput): InitiativeRow {
  const id = newId()
  const slug = input.slug || slugify(input.name) || `initiative-${id.slice(0, 6)}`
  const now = deps.now()
  const row: InitiativeRow = {
    id,
    name: input.name,
    slug,
    weight: input.weight ?? 1,
    active: input.active === false ? 0 : 1,
    created_at: now,
    updated_at: now,
  }
  return transaction(deps.db, () => {
    if (initiativeRepo.getInitiativeBySlug(deps.db, slug)) fail('duplicate', { key: 'admin.error.slug_taken', params: { slug } }, 'slug')
    try {
      initiativeRepo.insertInitiative(deps.db, row)
    } catch (error) {
      if (isUniqueViolation(error)) fail('duplicate', { key: 'admin.error.slug_taken', params: { slug } }, 'slug')
      throw error
    }
    recordAudit(deps, {
      actorId,
      action: 'initiative.create',
      objectType: 'initiative',
      objectId: id,
      data: { name: row.name, slug, weight: row.weight, active: row.active === 1 },
    })
    return row
  })
}
